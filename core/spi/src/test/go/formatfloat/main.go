// Command formatfloat records Go's strconv.FormatFloat(v, 'f', -1, 64), the float text of
// Telegraf's influx serializer, for a fixed set of doubles. FloatFormatGoFixtureTest compares
// io.jtelegraf.spi.lineprotocol.FloatFormat with this recording.
//
// Regenerate from core/spi with:
//
//	GO111MODULE=off go run src/test/go/formatfloat/main.go > src/test/resources/io/jtelegraf/spi/lineprotocol/go-formatfloat.tsv
//
// Each line is the IEEE-754 bits in hex, a tab, and Go's text.
package main

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func main() {
	var values []float64
	add := func(v float64) {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			values = append(values, v)
		}
	}
	// The sign is a prefix of its own, so only the named cases are also recorded negated.
	addBoth := func(v float64) {
		add(v)
		add(-v)
	}
	neighbours := func(v float64) {
		add(v)
		add(math.Nextafter(v, math.Inf(1)))
		add(math.Nextafter(v, 0))
	}

	// Named cases of the line protocol tests.
	tenth, fifth := 0.1, 0.2 // variables: a constant 0.1 + 0.2 would be folded to exactly 0.3
	for _, v := range []float64{0, 5e-324, 1e21, 1e22, 1e23, 1e-7, tenth + fifth, 123456789012345680,
		42, 1.5, 100, math.MaxFloat64, 2.2250738585072014e-308, 0.1, 0.001, 2e-3, 8.41e21,
		2.82879384806159e17, 1.0e15, 1e16, 9007199254740991, 9007199254740992, 9007199254740993,
		1 << 62, 1 << 63, 1 << 64, 3.14159, 99.99, 1.7976931348623157e308, 4.35e-320, 1e-22, 1e-23} {
		addBoth(v)
	}
	// Powers of two: the round-trip interval is asymmetric there.
	for e := -1074; e <= 1023; e += 29 {
		neighbours(math.Ldexp(1, e))
	}
	// Powers of ten and their neighbours.
	for e := -323; e <= 308; e += 11 {
		v, _ := strconv.ParseFloat("1e"+strconv.Itoa(e), 64)
		neighbours(v)
	}
	r := rand.New(rand.NewSource(20240501))
	// Arbitrary bit patterns over the whole range.
	for i := 0; i < 120; i++ {
		add(math.Float64frombits(r.Uint64() &^ (1 << 63)))
	}
	// Decimals of 1 to 17 digits at moderate exponents, as sensors and rates produce.
	for i := 0; i < 1500; i++ {
		digits := 1 + r.Intn(17)
		mantissa := r.Int63n(int64(math.Pow10(digits)))
		exponent := -30 + r.Intn(60)
		v, _ := strconv.ParseFloat(strconv.FormatInt(mantissa, 10)+"e"+strconv.Itoa(exponent), 64)
		add(v)
	}
	// Results of arithmetic, typically 16 or 17 digits.
	for i := 0; i < 1000; i++ {
		add(r.Float64() * math.Pow10(r.Intn(40)-20))
	}
	for _, v := range values {
		fmt.Printf("%016x\t%s\n", math.Float64bits(v), strconv.FormatFloat(v, 'f', -1, 64))
	}
}
