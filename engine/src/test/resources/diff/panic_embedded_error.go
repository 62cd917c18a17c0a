// Unrecovered panics whose values carry the library's error inside the program's type: the
// Error method promoted from an embedded error interface is what preprintpanics calls.
package main

import (
	"errors"
	"fmt"
)

type wrapped struct {
	error
	op string
}

func main() {
	defer fmt.Println("deferred")
	var err error = wrapped{errors.New("disk full"), "write"}
	fmt.Println(err)
	panic(err)
}
