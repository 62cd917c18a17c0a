// Golden cases for Goroscope's fmt (GoFmt). Regenerate with go1.19, from the repository root:
//
//	R=$PWD/engine/src/test/resources/fmt && cd "$(mktemp -d)" && cp "$R/golden.go" . &&
//	go mod init golden && GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 GOPROXY=off \
//	go run golden.go > "$R/golden.txt"
//
// Every case here needs a twin with the same id in the Fmt*Cases classes (GoFmtGoldenTest
// checks that both sides list the same ids).
// Each line is a case id, a tab, and the formatted result as strconv.Quote prints it.
// Results that contain run-dependent addresses are marked with an id ending in "@":
// every 0x... address in them is replaced by ADDR.
package main

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type Point struct{ X, Y int }

type Node struct {
	Val  int
	Next *Node
}

type MyErr struct{ Code int }

func (e *MyErr) Error() string { return fmt.Sprintf("error %d", e.Code) }

type Both int

func (Both) Error() string  { return "E" }
func (Both) String() string { return "S" }

type PS struct{ N int }

func (p *PS) String() string { return "PS!" }

type inner struct {
	a int
	B string
}

type Outer struct {
	In inner
	P  Point
	D  time.Duration
	d  time.Duration
}

type MyStr string
type Bytes []byte
type Weekday int

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

type Embed struct {
	Point
	Name string
}

type Holder struct {
	V any
	E error
}

var addrRe = regexp.MustCompile(`0x[0-9a-f]+`)

func c(id string, s string) {
	if strings.HasSuffix(id, "@") {
		s = addrRe.ReplaceAllString(s, "ADDR")
	}
	fmt.Printf("%s\t%s\n", id, strconv.Quote(s))
}

func f(format string, a ...any) string { return fmt.Sprintf(format, a...) }

func main() {
	// integers
	c("int.v", f("%v", 42))
	c("int.d.neg", f("%d", -42))
	c("int.d.w", f("[%5d]", 42))
	c("int.d.wl", f("[%-5d]", 42))
	c("int.d.z", f("[%05d]", -42))
	c("int.d.plus", f("%+d %+d", 5, -5))
	c("int.d.space", f("[% d] [% d]", 5, -5))
	c("int.d.prec", f("[%.3d] [%6.3d] [%06.3d]", 7, 7, -7))
	c("int.d.prec0", f("[%.0d] [%3.0d]", 0, 0))
	c("int.d.zminus", f("[%-05d]", 3))
	c("int8.min", f("%d %v", int8(-128), int8(127)))
	c("int16", f("%d", int16(-32768)))
	c("int32", f("%v", int32(-2147483648)))
	c("int64.min", f("%d", int64(math.MinInt64)))
	c("int64.max", f("%v", int64(math.MaxInt64)))
	c("uint8", f("%v %d", uint8(255), byte(7)))
	c("uint16", f("%v", uint16(65535)))
	c("uint32", f("%v", uint32(4294967295)))
	c("uint64.max", f("%v", uint64(math.MaxUint64)))
	c("uint64.maxd", f("%d", uint64(math.MaxUint64)))
	c("uint.max", f("%v", uint(math.MaxUint64)))
	c("uintptr", f("%v", uintptr(4096)))
	c("int.x", f("%x %X %#x %#X", 255, 255, 255, 255))
	c("int.x.neg", f("%x %#x", -255, -255))
	c("uint64.x", f("%x", uint64(math.MaxUint64)))
	c("int.o", f("%o %#o %O", 8, 8, 8))
	c("int.b", f("%b %#b %b", 5, 5, -5))
	c("int.c", f("%c%c%c", 'G', 'ö', 0x1F600))
	c("int.c.bad", f("%c", 0x110000))
	c("int.q", f("%q %q %q %+q", 'x', '\n', '\'', 'é'))
	c("int.U", f("%U %#U %U", 'A', 'é', 0x1F600))
	c("int.x.w", f("[%08x] [%-8x] [%8X]", 0xbeef, 0xbeef, 0xbeef))
	c("int.star", f("[%*d] [%-*d] [%.*d]", 5, 1, 5, 2, 3, 4))
	c("int.star.neg", f("[%*d]", -4, 9))
	c("rune.v", f("%v", 'A'))
	c("int.t", f("%t", 1))
	c("int.s", f("%s", 5))
	c("int.f", f("%f", 3))
	c("uint8.bad", f("%s", uint8(200)))
	// floats
	c("f.v1", f("%v", 3.14))
	c("f.v2", f("%v", 1e6))
	c("f.v3", f("%v", 1e-7))
	c("f.v4", f("%v", 100000.0))
	c("f.v5", f("%v", 0.1))
	c("f.v6", f("%v", 1.0))
	c("f.v7", f("%v", 123456789.0))
	c("f.v8", f("%v", 0.000123))
	c("f.v9", f("%v", 0.0000123))
	c("f.v10", f("%v", 1e21))
	c("f.v11", f("%v", 1e20))
	c("f.v12", f("%v", 2.5e-300))
	c("f.v13", f("%v", math.MaxFloat64))
	c("f.v14", f("%v", math.SmallestNonzeroFloat64))
	c("f.v15", f("%v", 1.0/3))
	c("f.v16", f("%v", 2.0/3))
	c("f.v17", f("%v", 0.1+0.2))
	c("f.v18", f("%v", 5e-324*3))
	c("f.v19", f("%v", 1.7976931348623157e308/3))
	c("f.v20", f("%v", 9007199254740993.0))
	c("f.v21", f("%v", 123456.789))
	c("f.v22", f("%v", -2.5))
	c("f.v23", f("%v", 1e23))
	c("f.v24", f("%v", 5e-5))
	c("f.negzero", f("%v %f %e", math.Copysign(0, -1), math.Copysign(0, -1), math.Copysign(0, -1)))
	c("f.zero", f("%v %f %e %g", 0.0, 0.0, 0.0, 0.0))
	c("f.inf", f("%v %v %f %+v", math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(1)))
	c("f.nan", f("%v %f %+v % v", math.NaN(), math.NaN(), math.NaN(), math.NaN()))
	c("f.inf.pad", f("[%08v] [%-8v] [%08.2f]", math.Inf(-1), math.NaN(), math.Inf(1)))
	c("f.2f", f("%.2f %.2f %.2f", 3.14159, 2.675, -1.005))
	c("f.f", f("%f %f %f", 1.0, 1e10, 1e-10))
	c("f.0f", f("%.0f %.0f %.0f %.0f", 0.5, 1.5, 2.5, 3.5))
	c("f.halfeven", f("%.2f %.1f %.3f", 0.125, 0.25, 1.0005))
	c("f.f.w", f("[%8.3f] [%-8.3f] [%08.3f] [%+08.3f] [% .2f]", 3.14159, 3.14159, -3.14159, 3.14159, 2.0))
	c("f.F", f("%F %.1F", 2.5, 2.25))
	c("f.e", f("%e %E %.2e %.0e", 123456.789, 0.000123, 1e100, 5e5))
	c("f.e.big", f("%e %e", 1e-300, math.MaxFloat64))
	c("f.g", f("%g %g %g %G", 1e6, 1e-5, 123.456, 1e-10))
	c("f.g.prec", f("%.3g %.3g %.3g %.3g %.10g", 3.14159, 1234.5, 0.00012345, 100.0, 1.0/3))
	c("f.g.prec2", f("%.2g %.1g %.0g %.5g", 100.0, 0.15, 2.5, 1e5))
	c("f.big.f", f("%.20f", 0.1))
	c("f.huge.f", f("%f", 1e22))
	c("f.sharp", f("%#g %#.3g %#f %#.0f %#e %#.0e %#v", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0))
	c("f.plus", f("%+.2f %+e %+g % g", 1.0, 2.0, 3.0, 4.0))
	c("f.sharpv", f("%#v %#v %#v %#v", 1.0, 2.5, 1e6, 1e21))
	c("f32.v", f("%v %v %v", float32(0.1), float32(3.14), float32(1)/3))
	c("f32.v2", f("%v %v", float32(16777217), float32(1e-45)))
	c("f32.v3", f("%v %v", float32(math.MaxFloat32), float32(1e10)))
	c("f32.f", f("%f %.10f %e", float32(0.1), float32(0.1), float32(2.5)))
	c("f32.g", f("%g %.3g", float32(1e-7), float32(123.456)))
	c("f.vprec", f("%.2v|%6.3v|%.1v", 3.14159, 2.0/3, 1e6))
	c("f.w.v", f("[%8v] [%-8v] [%08v] [%+v]", 1.5, 1e-9, -2.5, 0.0))
	c("f.d", f("%d", 3.5))
	c("f.s", f("%s", 2.5))
	c("f.q", f("%q", 2.5))
	c("f.x", f("%x %X %x %x %x", 1.0, 3.0, -0.1, 0.0, 1e-310))
	c("f.x.prec", f("%.2x %.0x %.0x %#x %#.3X %10.1x %#X", 3.14159, 1.5, 1.9375, 1.0, 2.5, 255.0, 1.0))
	c("f.x.big", f("%x %X", math.MaxFloat64, math.SmallestNonzeroFloat64))
	c("f.b", f("%b %b %b %b", 1.0, 0.0, 5e-324, -8.5))
	c("f32.x", f("%x %b %.1x", float32(0.1), float32(1), float32(1.75)))
	c("int.misc", f("%+d|% x|%x|%5c|%-4c|", uint(7), 255, int8(-1), 'a', 'b'))
	c("int.runes", f("%c %q %v", []rune{'a', 'b'}, []rune{'c'}, []rune("hé")))
	c("int.sharpv", f("%#v %#v %#v %#v", 5, uint(5), int8(-3), uintptr(10)))
	// bools
	c("bool", f("%v %t %v", true, false, false))
	c("bool.w", f("[%6t] [%-6v]", true, false))
	c("bool.d", f("%d", true))
	// strings
	c("s.v", f("%v|%s", "hello", "wörld"))
	c("s.w", f("[%8s] [%-8s] [%.2s] [%5.1s]", "abc", "abc", "abcdef", "xyz"))
	c("s.w.uni", f("[%6s] [%.3s]", "héllo", "日本語です"))
	c("s.z", f("[%05s]", "ab"))
	c("s.q", f("%q", "hi \"there\"\n\t\\"))
	c("s.q.ctl", f("%q", "a\x00b\x07c\x1bd\x7f"))
	c("s.q.uni", f("%q", "héllo 日本 😀"))
	c("s.q.bad", f("%q", "bad\xffbyte\xc3"))
	c("s.q.nonprint", f("%q", "a\u00adb\u200bc\u2028\ufeff"))
	c("s.q.plus", f("%+q", "héllo 😀\x01"))
	c("s.q.sharp", f("%#q %#q %#q", "abc", "a`b", "x\ny"))
	c("s.q.w", f("[%10q]", "ab"))
	c("s.x", f("%x %X % x %#x %# X", "hi!", "hi!", "hi!", "hi!", "hi!"))
	c("s.x.uni", f("%x", "é😀"))
	c("s.x.prec", f("[%.2x] [%8x] [%-8x] [%x]", "abcd", "ab", "ab", ""))
	c("s.d", f("%d", "hi"))
	c("s.t", f("%t", "x"))
	c("s.bad.raw", f("%s|%v", "a\xffb", "\xc3"))
	c("s.empty", f("[%s] [%q] [%5s]", "", "", ""))
	c("s.named", f("%v %q %T", MyStr("ms"), MyStr("ms"), MyStr("ms")))
	// byte slices
	c("bs.v", f("%v", []byte("hi")))
	c("bs.s", f("%s", []byte("hello")))
	c("bs.x", f("%x % X", []byte{1, 0xab, 0xff}, []byte{1, 0xab, 0xff}))
	c("bs.q", f("%q", []byte("a\nb")))
	c("bs.d", f("%d", []byte{1, 2}))
	c("bs.nil", f("%v %s|", []byte(nil), []byte(nil)))
	c("bs.named", f("%v %s %x", Bytes("ab"), Bytes("ab"), Bytes("ab")))
	c("bs.arr", f("%s %x %v", [3]byte{'a', 'b', 'c'}, [2]byte{1, 2}, [2]byte{1, 2}))
	c("bs.w", f("[%5v]", []byte{1, 2}))
	c("bs.sharpv", f("%#v", []byte{1, 2}))
	// slices and arrays
	c("sl.int", f("%v", []int{1, 2, 3}))
	c("sl.empty", f("%v %d", []int{}, []int(nil)))
	c("sl.str", f("%v %q %s", []string{"a", "b c"}, []string{"a", "b"}, []string{"x"}))
	c("sl.f", f("%v %.1f", []float64{1.5, 2, 1e6}, []float64{1.25, 2}))
	c("sl.x", f("%x %02d", []int{10, 255}, []int{1, 2}))
	c("sl.nested", f("%v", [][]int{{1, 2}, {3}, nil}))
	c("arr", f("%v %v", [3]int{1, 2, 3}, [0]int{}))
	c("arr.str", f("%v", [2]string{"a", ""}))
	c("sl.w", f("[%3v]", []int{1, 22}))
	c("sl.any", f("%v", []any{1, "a", nil, 2.5, true}))
	c("sl.bool", f("%t", []bool{true, false}))
	c("sl.bad", f("%t", []int{1}))
	c("sl.sharpv", f("%#v %#v %#v", []int{1, 2}, []string{"a"}, []int(nil)))
	// structs
	c("st.v", f("%v", Point{1, 2}))
	c("st.plusv", f("%+v", Point{1, 2}))
	c("st.sharpv", f("%#v", Point{1, 2}))
	c("st.nested", f("%v %+v", Outer{inner{1, "b"}, Point{3, 4}, 1500 * time.Millisecond, 2 * time.Second}, Outer{}))
	c("st.embed", f("%v %+v", Embed{Point{1, 2}, "e"}, Embed{Point{1, 2}, "e"}))
	c("st.anon", f("%v %+v", struct {
		A int
		B string
	}{1, "x"}, struct{}{}))
	c("st.iface", f("%v %+v", Holder{1, nil}, Holder{nil, errors.New("boom")}))
	c("st.d", f("%d", Point{1, 2}))
	c("st.ptrfield", f("%v %+v", Node{1, nil}, struct{ P *Point }{}))
	c("st.sharpv.nested", f("%#v", struct {
		A []Point
		I any
		S string
		M map[string]bool
	}{[]Point{{1, 2}}, nil, "q", map[string]bool{"t": true}}))
	c("st.slices", f("%v %q", struct{ L []string }{[]string{"a", "b"}}, struct{ L []string }{[]string{"a"}}))
	c("st.x", f("%x", Point{10, 11}))
	c("st.s", f("%s", Point{1, 2}))
	c("st.w", f("[%4v]", Point{1, 2}))
	c("st.f", f("%.1f", struct{ A, B float64 }{1, 2.25}))
	c("st.celsius", f("%v", struct {
		T Celsius
		t Celsius
	}{20, 30}))
	// pointers
	c("p.struct", f("%v %+v", &Point{1, 2}, &Point{1, 2}))
	c("p.slice", f("%v", &[]int{1, 2}))
	c("p.arr", f("%v", &[2]int{1, 2}))
	c("p.map", f("%v", &map[string]int{"a": 1}))
	x := 5
	c("p.int@", f("%v", &x))
	c("p.nested@", f("%v", &Node{1, &Node{2, nil}}))
	c("p.inslice@", f("%v", []*int{&x, nil}))
	c("p.p@", f("%p", &x))
	c("p.nil", f("%v %p %+v %d", (*int)(nil), (*int)(nil), (*Point)(nil), (*int)(nil)))
	c("p.nilnode", f("%v", &Node{1, nil}))
	c("p.pp@", f("%v", func() **int { p := &x; return &p }()))
	c("p.sharpv@", f("%#v", &x))
	c("p.s@", f("%s", &x))
	c("p.sl.p@", f("%p", []int{1}))
	c("p.map.p@", f("%p", map[int]int{}))
	c("p.nilmap.p", f("%p", map[int]int(nil)))
	c("p.notptr", f("%p", 5))
	// maps
	c("m.str", f("%v", map[string]int{"b": 2, "a": 1, "c": 3, "B": 0}))
	c("m.int", f("%v", map[int]string{10: "x", -5: "y", 3: "z"}))
	c("m.uint", f("%v", map[uint64]bool{math.MaxUint64: true, 1: false}))
	c("m.bool", f("%v", map[bool]int{true: 1, false: 0}))
	c("m.float", f("%v", map[float64]string{2.5: "a", math.NaN(): "n", math.Inf(-1): "i", -1: "m"}))
	c("m.struct", f("%v", map[Point]int{{2, 1}: 1, {1, 9}: 2, {1, 3}: 3}))
	c("m.arr", f("%v", map[[2]int]int{{2, 1}: 1, {1, 9}: 2}))
	c("m.iface", f("%v", map[any]int{"b": 1, "a": 2}))
	c("m.ifaceint", f("%v", map[any]int{3: 1, 1: 2}))
	c("m.nil", f("%v %d", map[string]int(nil), map[string]int{}))
	c("m.plusv", f("%+v", map[string]Point{"p": {1, 2}}))
	c("m.nested", f("%v", map[string][]int{"z": {1}, "a": nil}))
	c("m.x", f("%x", map[string]int{"a": 255}))
	c("m.sharpv", f("%#v %#v", map[string]int{"a": 1, "b": 2}, map[string]int(nil)))
	c("m.stringer", f("%v", map[Celsius]Weekday{3: 1, 1: 2}))
	c("m.str.unicode", f("%v", map[string]int{"é": 1, "z": 2, "": 3}))
	// nil values
	c("nil.iface", f("%v %d %s", nil, nil, nil))
	c("nil.err", f("%v", error(nil)))
	c("nil.slice", f("%v %s", []int(nil), []string(nil)))
	c("nil.map", f("%v", map[string]bool(nil)))
	c("nil.func", f("%v", (func())(nil)))
	c("nil.chan", f("%v", (chan int)(nil)))
	c("nil.T", f("%T", nil))
	// methods
	c("m.stringer.v", f("%v %s %d %q %x", Celsius(21.5), Celsius(21.5), Celsius(21.5), Celsius(1), Celsius(1)))
	c("m.stringer.w", f("[%10v] [%-10s]", Celsius(2), Celsius(2)))
	c("m.stringer.f", f("%.3f", Celsius(2)))
	c("m.stringer.ptr", f("%v", func() *Celsius { v := Celsius(5); return &v }()))
	c("m.ptrrecv", f("%v %v", PS{1}, &PS{1}))
	c("m.err", f("%v %s", &MyErr{4}, errors.New("plain")))
	c("m.err.q", f("%q", &MyErr{5}))
	c("m.both", f("%v %d", Both(1), Both(1)))
	c("m.weekday", f("%v %d %v", Weekday(1), Weekday(1), []Weekday{0, 2}))
	c("meth.nested", f("%v", []Celsius{1, 2}))
	c("m.holder", f("%v", Holder{Celsius(3), &MyErr{7}}))
	c("meth.sharpv", f("%#v", Celsius(3)))
	c("m.print", fmt.Sprint(Celsius(1), &MyErr{2}))
	c("m.extra", f("x", Celsius(1)))
	c("m.bad", f("%t", Celsius(1)))
	// durations
	for i, d := range []time.Duration{0, 1, 999, 1500, time.Microsecond, 2 * time.Millisecond,
		1500 * time.Millisecond, 90 * time.Second, 2 * time.Hour, -1500 * time.Millisecond,
		time.Hour + 2*time.Minute + 3*time.Second + 4*time.Millisecond, 100 * time.Hour,
		math.MinInt64, math.MaxInt64, 1234567, -1, 61 * time.Minute, 59*time.Second + 999999999} {
		c("dur."+strconv.Itoa(i), d.String())
	}
	c("dur.v", f("%v %s %d", 1500*time.Millisecond, time.Minute, time.Second))
	c("dur.slice", f("%v", []time.Duration{time.Second, 2 * time.Millisecond}))
	c("dur.T", f("%T", time.Second))
	// %T
	c("T.basic", f("%T %T %T %T %T %T %T", 1, "s", 2.5, float32(1), true, 'x', byte(1)))
	c("T.comp", f("%T %T %T %T", []int{}, map[string]int{}, [3]int{}, &Point{}))
	c("T.named", f("%T %T %T %T", Point{}, Celsius(1), &Node{}, MyStr("")))
	c("T.struct", f("%T|%T", struct {
		A int
		B string
	}{}, struct{}{}))
	c("T.struct.embed", f("%T", struct {
		Point
		x int
	}{}))
	c("T.func", f("%T|%T|%T|%T", func(int) string { return "" }, func() {}, func(a, b int) (int, error) { return 0, nil }, func(...string) {}))
	c("T.chan", f("%T %T %T %T", make(chan int), make(<-chan int), make(chan<- string), make(chan (<-chan int))))
	c("T.iface", f("%T %T %T", []any{}, map[string]error{}, errors.New("x")))
	c("T.map.nested", f("%T", map[string][]*Point{}))
	c("T.time", f("%T %T", time.Second, []time.Duration{}))
	c("T.w", f("[%8T] [%-8T]", 1, 1))
	// funcs and chans
	c("fn@", f("%v", func() {}))
	c("ch@", f("%v", make(chan int)))
	c("ch.p@", f("%p", make(chan int)))
	// errors in format
	c("err.extra", f("%d", 1, 2, "x"))
	c("err.extra.nil", f("x", nil))
	c("err.missing", f("%d %s", 1))
	c("err.noverb", f("abc%"))
	c("err.noverb2", f("%-5"))
	c("err.badverb", f("%z", 1))
	c("err.badverb.str", f("%!", "x"))
	c("err.pct", f("100%% %5%|", 1))
	c("err.index", f("%[2]d %[1]d", 1, 2))
	c("err.index.bad", f("%[3]d", 1))
	c("err.index.reuse", f("%d %d %[1]d %d", 1, 2))
	c("err.index.star", f("%[2]*[1]d|", 3, 5))
	c("err.badwidth", f("%*d", "x", 1))
	c("err.badprec", f("%.*d", "x", 1))
	c("err.bigwidth", f("%*d", 10000000, 1))
	c("err.uniVerb", f("%ä", 1))
	c("err.prec.noverb", f("%.", 1))
	c("err.w.bad", f("%5t", 3))
	// Sprint / Sprintln
	c("print.nums", fmt.Sprint(1, 2, 3))
	c("print.strs", fmt.Sprint("a", "b", 1, 2, "c", 3.5, "d"))
	c("print.mixed", fmt.Sprint(1, "a", 2))
	c("print.nil", fmt.Sprint(nil, nil, "x", nil))
	c("print.named", fmt.Sprint(MyStr("a"), 1, MyStr("b")))
	c("print.empty", fmt.Sprint())
	c("println", fmt.Sprintln("a", 1, "b", 2.5, true, nil))
	c("println.empty", fmt.Sprintln())
	c("println.mixed", fmt.Sprintln([]int{1}, map[string]int{"a": 1}, Point{1, 2}, &Point{3, 4}))
	c("print.f32", fmt.Sprint(float32(0.1), 0.1))
	c("print.bytes", fmt.Sprint([]byte("ab"), "c"))
	c("println.err", fmt.Sprintln(errors.New("e1"), &MyErr{3}, error(nil)))
	c("print.dur", fmt.Sprint(time.Second, 2*time.Minute))
}
