// Lesson 6: defence in depth against deep input. A recursive-descent parser
// checks its own nesting depth; debug.SetMaxStack catches the case where
// that check was forgotten, at 1 MiB instead of at a 512 MiB stack.
package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"
)

// errTooDeep is what the parser returns instead of recursing further.
var errTooDeep = errors.New("nesting too deep")

// parser reads the grammar  group = "(" { group } ")"  and reports how
// deeply the groups nest. maxDepth 0 means "no limit" (the bug).
type parser struct {
	src      string
	pos      int
	depth    int
	maxDepth int
}

// group parses one group starting at p.pos and returns its nesting depth.
func (p *parser) group() (int, error) {
	if p.maxDepth > 0 && p.depth >= p.maxDepth {
		return 0, fmt.Errorf("%w: more than %d levels at offset %d", errTooDeep, p.maxDepth, p.pos)
	}
	if p.pos >= len(p.src) || p.src[p.pos] != '(' {
		return 0, fmt.Errorf("expected ( at offset %d", p.pos)
	}
	p.pos++
	p.depth++
	deepest := 0
	for p.pos < len(p.src) && p.src[p.pos] == '(' {
		d, err := p.group()
		if err != nil {
			return 0, err
		}
		if d > deepest {
			deepest = d
		}
	}
	if p.pos >= len(p.src) || p.src[p.pos] != ')' {
		return 0, fmt.Errorf("expected ) at offset %d", p.pos)
	}
	p.pos++
	p.depth--
	return deepest + 1, nil
}

func parse(src string, maxDepth int) (int, error) {
	p := &parser{src: src, maxDepth: maxDepth}
	return p.group()
}

// nested returns n opening parentheses followed by n closing ones.
func nested(n int) string {
	return strings.Repeat("(", n) + strings.Repeat(")", n)
}

func main() {
	old := debug.SetMaxStack(1 << 20)
	fmt.Println("SetMaxStack(1 MiB); the old limit was", old, "bytes")

	d, err := parse("(()(()))", 1000)
	fmt.Println("small input:      depth", d, "error", err)

	hostile := nested(100000)
	d, err = parse(hostile, 1000)
	fmt.Println("hostile input:    depth", d, "error", err)
	fmt.Println("  is errTooDeep:", errors.Is(err, errTooDeep))

	fmt.Println("hostile input, depth check forgotten:")
	d, err = parse(hostile, 0) // the stack passes 1 MiB: fatal error
	fmt.Println("never printed:", d, err)
}
