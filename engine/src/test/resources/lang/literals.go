package main

import "fmt"

type Pair struct {
	Key   string
	Value int
}

var (
	dec    = 1_000_000
	hex    = 0xFF_FF
	oct    = 0o755
	legacy = 0755
	bin    = 0b1010_1010
	flt    = 3.14159
	exp    = 6.02e23
	hexf   = 0x1p-2
	frac   = .5
	r1     = 'x'
	r2     = '\t'
	r3     = '\x41'
	r4     = '\u00e9'
	r5     = '\''
	r6     = '\000'
	r7     = '世'
	s1     = "hello\n\t\"quoted\" \\ \u4e16\U0001F600 \x41\101"
	s2     = `raw \n string
spanning lines`
	empty  = ""
)

var matrix = [...][2]int{{1, 2}, {3, 4}}
var pairs = []Pair{{"a", 1}, {Key: "b", Value: 2}}
var index = map[string]*Pair{"a": {"x", 1}, "b": &Pair{}}
var nested = map[Pair][]int{{"k", 1}: {1, 2, 3}}
var sparse = [10]string{2: "two", 9: "nine"}
var fn func(int, ...string) (bool, error)
var ch = make(chan []map[string]struct{}, 3)

func ops(a, b int, u uint) int {
	c := a + b - a*b/2%3
	c = c<<2 | c>>1 ^ c&^a & b
	ok := a == b || a != b && a < b || a <= b && a > b || a >= b
	if !ok {
		c = -c + +c ^ ^c
	}
	c += 1
	c -= 2
	c *= 3
	c /= 4
	c %= 5
	c &= 6
	c |= 7
	c ^= 8
	c <<= u
	c >>= 1
	c &^= 9
	c++
	c--
	p := &c
	*p = *p * 2
	return c
}

func slices() {
	s := []int{0, 1, 2, 3, 4, 5}
	a := s[1:3]
	b := s[:2]
	c := s[2:]
	d := s[:]
	e := s[1:3:4]
	f := s[:3:5]
	str := "hello"[1:]
	bs := []byte(str)
	fmt.Println(a, b, c, d, e, f, string(bs), len(s), cap(s))
	if (Pair{}) == (Pair{"", 0}) {
		fmt.Println("zero pairs are equal")
	}
	for _, p := range []Pair{{"x", 1}} {
		_ = p
	}
	anon := struct {
		A int
		B []string
	}{1, nil}
	_ = anon
	conv := (*Pair)(nil)
	_ = conv
	_ = interface{}(nil)
	_ = func() {}
}

func main() {
	fmt.Println(dec, hex, oct, legacy, bin, flt, exp, hexf, frac, r1, r2, r3, r4, r5, r6, r7, s1, s2, empty)
	fmt.Println(matrix, pairs, index, nested, sparse, fn == nil, ch, ops(1, 2, 3))
	slices()
}
