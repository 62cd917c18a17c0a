// Embedding: fields and methods promoted through embedded structs, embedded pointers and
// embedded interfaces, called statically and through interfaces (the method sets of S and *S
// include the promoted methods); pointer methods of an embedded value get the embedded field's
// address, so they change the outer object; a nil embedded pointer panics when reached.
package main

import "fmt"

type Base struct {
	ID   int
	name string
}

func (b Base) Describe() string { return fmt.Sprint("base ", b.ID, " ", b.name) }
func (b *Base) Rename(n string) { b.name = n }
func (b *Base) Name() string    { return b.name }

type Dog struct {
	Base
	Breed string
}

func (d *Dog) Speak() string { return d.name + " says woof" }

type Named interface{ Name() string }
type Describer interface{ Describe() string }

type Logger interface{ Log(string) string }

type prefix struct{ p string }

func (p prefix) Log(s string) string { return p.p + s }

type Service struct {
	Logger
	n int
}

type Outer struct {
	*Dog
	tag string
}

type Inner struct {
	N    int
	Tags []string
}

func (i *Inner) Add(t string) { i.Tags = append(i.Tags, t); i.N++ }
func (i Inner) Count() int     { return i.N }

type Mid struct {
	Inner
	M int
}

type Top struct {
	*Mid
	T int
}

func main() {
	d := &Dog{Base{1, "rex"}, "lab"}
	fmt.Println(d.Describe(), d.Name(), d.ID)
	d.Rename("max")
	fmt.Println(d.Name(), d.Speak(), d.Base.name)
	var n Named = d
	fmt.Println(n.Name())
	var ds Describer = *d
	d.ID = 2
	fmt.Println(ds.Describe())
	ds = d
	fmt.Println(ds.Describe())
	s := Service{prefix{"> "}, 1}
	fmt.Println(s.Log("hello"))
	var l Logger = s
	fmt.Println(l.Log("via iface"))
	o := &Outer{d, "t"}
	fmt.Println(o.Name(), o.Describe(), o.Breed)
	o.Rename("buddy")
	fmt.Println(d.Name())
	var n2 Named = o
	fmt.Println(n2.Name())
	fmt.Println(d)

	t := &Top{&Mid{Inner{1, nil}, 2}, 3}
	t.N = 10
	t.M += 5
	t.Add("a")
	t.Add("b")
	fmt.Println(t.N, t.M, t.Count(), len(t.Tags), t.Tags[1], t.Mid.Inner.N)
	var m Mid
	m.N = 4
	m.Inner.N++
	fmt.Println(m.Count(), m.N)
	p := &m
	p.Add("z")
	fmt.Println(m.N, m.Tags, p.Count())
	var c interface{ Count() int } = m
	m.N = 100
	fmt.Println(c.Count(), m.Count())
	t2 := &Top{}
	fmt.Println(t2.T, t2.Mid == nil)
	fmt.Println(t2.N)
}
