// From seed 001: bounding recursion depth in a parser, plus the debug.SetMaxStack init.
// The article elides the parser's fields and body ("// ..."); completed minimally with a
// Value type, a tiny body, and main.
package main

import (
	"fmt"
	"runtime/debug"
)

func init() {
	debug.SetMaxStack(64 * 1024 * 1024) // 64 MB
}

const maxDepth = 1000

type Value interface{}

type parser struct {
	depth int
	input []byte
	pos   int
}

func (p *parser) parseValue() (Value, error) {
	if p.depth > maxDepth {
		return nil, fmt.Errorf("nesting too deep (max %d)", maxDepth)
	}
	p.depth++
	defer func() { p.depth-- }()

	if p.pos < len(p.input) && p.input[p.pos] == '[' {
		p.pos++
		return p.parseValue()
	}
	return nil, nil
}

func main() {
	p := &parser{input: []byte("[[[[")}
	_, err := p.parseValue()
	fmt.Println(err)
}
