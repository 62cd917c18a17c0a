// Interface values keep what they hold alive through collections: the heap copies conversions
// make (holding pointers themselves), interfaces in slices, maps, channels and struct fields,
// method values' captured receivers, and error chains; then sorting through an interface,
// a recursive Stringer, and a method called on a goroutine through an interface.
package main

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

func (n *Node) String() string {
	if n == nil {
		return "end"
	}
	return fmt.Sprintf("%d -> %v", n.Val, n.Next)
}

func (n *Node) Sum() int {
	s := 0
	for ; n != nil; n = n.Next {
		s += n.Val
	}
	return s
}

type Holder struct {
	P    *Node
	Name string
}

type Shelf struct {
	Item any
	Err  error
}

type NotFound struct{ Key *Node }

func (e *NotFound) Error() string { return fmt.Sprint("missing ", e.Key.Val) }

type byLen []string

func (b byLen) Len() int           { return len(b) }
func (b byLen) Less(i, j int) bool { return len(b[i]) < len(b[j]) }
func (b byLen) Swap(i, j int)      { b[i], b[j] = b[j], b[i] }

type Sorter interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func sortIt(s Sorter) {
	for i := 1; i < s.Len(); i++ {
		for j := i; j > 0 && s.Less(j, j-1); j-- {
			s.Swap(j, j-1)
		}
	}
}

type Worker interface{ Work(ch chan string) }

type named string

func (n named) Work(ch chan string) { ch <- strings.ToUpper(string(n)) }

var sink []byte

func churn() {
	for i := 0; i < 200; i++ {
		sink = make([]byte, 64<<10)
	}
	runtime.GC()
}

func main() {
	var things []any
	for i := 0; i < 50; i++ {
		things = append(things, Holder{&Node{i, nil}, fmt.Sprint("h", i)})
	}
	m := map[string]any{"a": &Node{7, nil}, "b": Holder{&Node{8, nil}, "hb"}}
	ch := make(chan any, 4)
	ch <- Holder{&Node{9, nil}, "in chan"}
	shelf := &Shelf{Holder{&Node{10, nil}, "shelf"}, &NotFound{&Node{11, nil}}}
	list := &Node{1, &Node{2, &Node{3, nil}}}
	sum := list.Sum
	var err error = fmt.Errorf("lookup: %w", &NotFound{&Node{12, nil}})
	churn()
	churn()
	total := 0
	for _, t := range things {
		total += t.(Holder).P.Val
	}
	fmt.Println(total, m["a"].(*Node).Val, m["b"].(Holder).P.Val, (<-ch).(Holder).P.Val)
	fmt.Println(shelf.Item.(Holder).P.Val, shelf.Err, sum(), err)
	var nf *NotFound
	fmt.Println(errors.As(err, &nf), nf.Key.Val)
	fmt.Println(list)

	words := byLen{"banana", "kiwi", "apple", "fig"}
	sortIt(words)
	fmt.Println(words)
	var w Worker = named("go")
	out := make(chan string)
	go w.Work(out)
	fmt.Println(<-out)
}
