package web

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestLimiterLocksTheSixthFailureInAMinute(t *testing.T) {
	now := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC)
	l := newLimiter(func() time.Time { return now })
	for i := 1; i <= MaxFailsPerName; i++ {
		if _, locked := l.fail("czs", "10.0.0.1"); locked {
			t.Fatalf("locked after %d failures", i)
		}
		now = now.Add(10 * time.Second)
	}
	until, locked := l.fail("czs", "10.0.0.1")
	if !locked || !until.Equal(now.Add(LockFor)) {
		t.Fatalf("sixth failure: locked %v until %v", locked, until)
	}
	if _, locked := l.locked("czs", "10.0.0.2"); !locked {
		t.Error("the account is not locked from another address")
	}
	if _, locked := l.locked("tjz", "10.0.0.2"); locked {
		t.Error("another account from another address is locked")
	}
	now = now.Add(LockFor)
	if _, locked := l.locked("czs", "10.0.0.1"); locked {
		t.Error("still locked after LockFor")
	}
	// Guessing across names from one address locks the address.
	for i := 0; i <= MaxFailsPerIP; i++ {
		l.fail("name"+string(rune('a'+i%26))+string(rune('a'+i/26)), "10.0.0.9")
	}
	if _, locked := l.locked("someone", "10.0.0.9"); !locked {
		t.Error("the guessing address is not locked")
	}
}

func TestDisplayNameKeepsNoPath(t *testing.T) {
	for in, want := range map[string]string{
		"../../x.xlsx":         "x.xlsx",
		`..\..\Windows\x.xlsx`: "x.xlsx",
		"财政所\x001月.xlsx":       "财政所1月.xlsx",
		"/etc/passwd":          "passwd",
		"2020-01-czs.xlsx":     "2020-01-czs.xlsx",
		"a\r\nSet-Cookie: x=y": "aSet-Cookie: x=y",
	} {
		if got := displayName(in); got != want {
			t.Errorf("displayName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestGrouped(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "999": "999", "1000": "1,000", "1000000": "1,000,000",
		"-1234567.891": "-1,234,567.891", "123456.5": "123,456.5", "0.0001": "0.0001", "-12": "-12"} {
		if got := grouped(decimal.RequireFromString(in)); got != want {
			t.Errorf("grouped(%s) = %s, want %s", in, got, want)
		}
	}
	for n, want := range map[int]string{0: "0 errors", 1: "1 error", 2: "2 errors"} {
		if got := englishCount(n, "error"); got != want {
			t.Errorf("englishCount(%d) = %s, want %s", n, got, want)
		}
	}
}
