package workbook

import "testing"

// A save time with its zone is judged by the day in Beijing, where the
// deadline is; one without a zone keeps the date it was written with, and
// says it has none (local).
func TestSavedStampIsTheOfficeDay(t *testing.T) {
	for _, c := range []struct {
		in, date string
		local    bool
	}{
		{"2021-05-05T15:59:59Z", "2021-05-05", false},
		{"2021-05-05T16:00:00Z", "2021-05-06", false}, // 00:00 on 6 May in Beijing
		{"2021-05-05T17:00:00.5Z", "2021-05-06", false},
		{"2021-05-06T01:00:00+08:00", "2021-05-06", false},
		{"2021-05-05T23:30:00", "2021-05-05", true}, // no zone: the writer's own day
		{"2021-05-05", "2021-05-05", true},
	} {
		if date, _, local := savedStamp(c.in); date != c.date || local != c.local {
			t.Errorf("savedStamp(%q) date %s local %v, want %s %v", c.in, date, local, c.date, c.local)
		}
	}
}
