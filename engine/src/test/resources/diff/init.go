// Package initialization: variables first, then each init function in source order, then main.
package main

import "fmt"

var x = f("x")

func f(s string) int { fmt.Println("var", s); return 1 }

func init() { fmt.Println("init 1", x) }

func init() { fmt.Println("init 2") }

func main() { fmt.Println("main") }
