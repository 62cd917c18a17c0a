// The errors package with the program's error types: Unwrap methods (pointer receivers),
// errors.Is through chains and through an Is method, errors.As into pointer, value and
// interface targets, fmt.Errorf's %w around user errors, and comparisons of error values.
package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryError struct {
	Query string
	Err   error
}

func (e *QueryError) Error() string { return e.Query + ": " + e.Err.Error() }
func (e *QueryError) Unwrap() error { return e.Err }

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

type Timeout struct{}

func (Timeout) Error() string       { return "timeout" }
func (Timeout) Is(target error) bool { return target == ErrNotFound }

func find(q string) error {
	if q == "" {
		return nil
	}
	return &QueryError{q, ErrNotFound}
}

func main() {
	err := find("users")
	fmt.Println(err)
	fmt.Println(errors.Is(err, ErrNotFound), errors.Is(err, errors.New("not found")))
	var qe *QueryError
	if errors.As(err, &qe) {
		fmt.Println("query:", qe.Query)
	}
	w := fmt.Errorf("layer: %w", err)
	fmt.Println(w)
	fmt.Println(errors.Is(w, ErrNotFound), errors.Unwrap(w) == err, errors.Unwrap(errors.Unwrap(w)) == ErrNotFound)
	var qe2 *QueryError
	fmt.Println(errors.As(w, &qe2), qe2 == qe)
	var c Code
	fmt.Println(errors.As(w, &c), c)
	w2 := fmt.Errorf("op failed: %w", Code(42))
	fmt.Println(errors.As(w2, &c), c, w2)
	fmt.Println(errors.Is(Timeout{}, ErrNotFound), errors.Is(fmt.Errorf("x: %w", Timeout{}), ErrNotFound))
	var target interface{ Is(error) bool }
	fmt.Println(errors.As(fmt.Errorf("y: %w", Timeout{}), &target), target)
	fmt.Println(find("") == nil, errors.Is(nil, ErrNotFound), errors.Unwrap(ErrNotFound) == nil)
	var e2 error = Code(3)
	var e3 error = Code(3)
	fmt.Println(e2 == e3, e2 == Code(4), errors.Is(e2, Code(3)))
}
