// defer wg.Done() and defer mu.Unlock(): the usual cleanup idioms, also when the goroutine
// recovers from a panic.
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu      sync.Mutex
	balance int
}

func (a *account) deposit(n int) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.balance += n
}

func (a *account) withdraw(n int) (ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	if n > a.balance {
		panic("insufficient funds")
	}
	a.balance -= n
	return true
}

func main() {
	var wg sync.WaitGroup
	acc := &account{}
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			acc.deposit(n)
		}(i)
	}
	wg.Wait()
	fmt.Println("balance", acc.balance)
	results := make(chan bool, 10)
	for i := 0; i < 10; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- acc.withdraw(1000)
		}()
	}
	wg.Wait()
	close(results)
	okCount := 0
	for ok := range results {
		if ok {
			okCount++
		}
	}
	fmt.Println("withdrawals", okCount, "balance", acc.balance)
}
