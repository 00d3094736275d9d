// Command clock estimates the core's clock rate, for turning the
// instruction counts of .ci/instr and the times of the benchmarks into
// instructions a cycle on a VM without hardware counters: it times a chain
// of dependent operations whose latency the instruction tables give (per
// iteration two 64-bit multiplies of 3 cycles and two shift-and-xor pairs
// of 1 cycle each: 10 cycles), five times, and prints the median.
//
//	go run ./.ci/clock
package main

import (
	"fmt"
	"slices"
	"time"
)

const cyclesPerIteration = 10

//go:noinline
func chain(x uint64, n int) uint64 {
	for range n {
		x *= 0x9e3779b97f4a7c15
		x ^= x >> 7
		x *= 0x9e3779b97f4a7c15
		x ^= x >> 9
	}
	return x
}

func main() {
	const n = 50_000_000
	var ns []float64
	sink := uint64(0)
	for r := range 5 {
		start := time.Now()
		sink ^= chain(uint64(r)+1, n)
		ns = append(ns, float64(time.Since(start).Nanoseconds())/n)
	}
	slices.Sort(ns)
	med := ns[len(ns)/2]
	fmt.Printf("%.3f ns an iteration (median of 5; %.3f–%.3f): about %.2f GHz (%d cycles an iteration)\n",
		med, ns[0], ns[len(ns)-1], cyclesPerIteration/med, cyclesPerIteration)
	if sink == 42 {
		fmt.Println() // keeps the chain's result live
	}
}
