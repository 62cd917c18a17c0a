// An unrecovered panic with an error value prints the error's message.
package main

import (
	"errors"
	"fmt"
)

var errNotFound = errors.New("config not found")

func load(name string) error {
	return fmt.Errorf("load %s: %w", name, errNotFound)
}

func main() {
	err := load("app.yaml")
	fmt.Println("is not found:", errors.Is(err, errNotFound))
	panic(err)
}
