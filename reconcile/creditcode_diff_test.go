package reconcile

import "testing"

// codeDiff says where a mistyped code differs from the one known for its
// row: swapped neighbours as such, the rest by position; nothing past four
// differences or for another length.
func TestCodeDiff(t *testing.T) {
	known := "911201113635370855"
	for _, c := range []struct{ code, zh, en string }{
		{"911201113653370855", "（第 11、12 位前后颠倒）", " (characters 11 and 12 swapped)"},
		{"91120111365337085C", "（第 11、12 位前后颠倒，第 18 位不同）", " (characters 11 and 12 swapped; character 18 differs)"},
		{"911201113635370856", "（第 18 位不同）", " (character 18 differs)"},
		{"911201113635370866", "（第 17、18 位不同）", " (characters 17 and 18 differ)"},
		{"811201113635370866", "（第 1、17、18 位不同）", " (characters 1, 17 and 18 differ)"},
		{"811201113635371966", "", ""},
		{"91120111363537085", "", ""},
	} {
		got := codeDiff(known, c.code)
		if got[0] != c.zh || got[1] != c.en {
			t.Errorf("%s: %q, want %q / %q", c.code, got, c.zh, c.en)
		}
	}
}
