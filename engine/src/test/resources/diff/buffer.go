// bytes.Buffer and strings.Builder: contents, how their capacity grows (Buffer.grow's 64-byte
// start and doubling growSlice; Builder's append), and the heap allocations that growth makes.
package main

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
)

var sink *bytes.Buffer

func stats() (uint64, uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.Mallocs, m.TotalAlloc
}

func fill(b *bytes.Buffer, n int) {
	for i := 0; i < n; i++ {
		b.WriteString("0123456789")
	}
}

func main() {
	caps := make([]int, 0, 16)
	m0, t0 := stats()
	var local bytes.Buffer
	for i := 0; i < 100; i++ {
		local.WriteString("0123456789")
		if len(caps) == 0 || caps[len(caps)-1] != local.Cap() {
			caps = append(caps, local.Cap())
		}
	}
	m1, t1 := stats()
	fmt.Println("local buffer:", local.Len(), caps, m1-m0, t1-t0)

	m0, t0 = stats()
	p := new(bytes.Buffer)
	fill(p, 20)
	m1, t1 = stats()
	fmt.Println("new, not escaping:", p.Len(), p.Cap(), m1-m0, t1-t0)

	m0, t0 = stats()
	sink = new(bytes.Buffer)
	fill(sink, 20)
	m1, t1 = stats()
	fmt.Println("new, escaping:", sink.Len(), sink.Cap(), m1-m0, t1-t0)

	q := &bytes.Buffer{}
	q.Grow(10)
	fmt.Println("grow 10:", q.Len(), q.Cap())
	q.Grow(100)
	fmt.Println("grow 100:", q.Len(), q.Cap())
	q.WriteByte('a')
	q.Write([]byte("bcd"))
	fmt.Println(q.String(), q.Len(), q.Cap(), len(q.Bytes()))
	q.Reset()
	fmt.Println("reset:", q.Len(), q.Cap(), q.String() == "")

	var sb strings.Builder
	m0, t0 = stats()
	for i := 0; i < 40; i++ {
		sb.WriteString("abcdefghijklmnopq")
	}
	m1, t1 = stats()
	fmt.Println("builder:", sb.Len(), sb.Cap(), m1-m0, t1-t0)
	sb.Grow(3000)
	fmt.Println("builder grow:", sb.Len(), sb.Cap())
	sb.Reset()
	fmt.Println("builder reset:", sb.Len(), sb.Cap())
	sb.WriteByte('z')
	sb.Write([]byte("yx"))
	fmt.Println(sb.String())

	var nilBuf *bytes.Buffer
	fmt.Println(nilBuf.String())
}
