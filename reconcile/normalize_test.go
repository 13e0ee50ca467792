package reconcile

import (
	"strings"
	"testing"
)

// NormalizeHeader's shortcut (no white space: the text itself) is what
// joining its fields gives, on any text.
func FuzzNormalizeHeader(f *testing.F) {
	for _, s := range []string{"", "企业名称", "指标00\n本月（万元）", " 合 计 ", "a\u3000b", "a\u00a0b", "\u0085", "\xff", "tab\there"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		if got, want := NormalizeHeader(h), strings.Join(strings.Fields(h), ""); got != want {
			t.Fatalf("NormalizeHeader(%q) = %q, want %q", h, got, want)
		}
	})
}
