package report

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZProbe(t *testing.T) {
	f := os.Getenv("ZZP")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	lines := strings.Split(string(b), "\n")
	for _, c := range Extract(lines, Options{}) {
		fmt.Printf("L%d %s%s %v %q %s %s/%s [%s]\n", c.Line, c.Value, c.Unit, c.Qualifiers, c.Subject, c.Period, c.Kind, c.Measure, c.Text)
	}
}
