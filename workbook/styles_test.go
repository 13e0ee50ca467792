package workbook

import "testing"

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy-mm-dd": true, `yyyy"年"m"月"d"日"`: true, "[$-804]yyyy/m/d": true, "h:mm:ss": true, "[h]:mm": true,
		"mm:ss.0": true, "d-mmm": true, "General": false, "0.00": false, "#,##0.00": false,
		`#,##0.00"万元"`: false, `0.00"d"`: false, `0.0\d`: false, "0.00_);[Red](0.00)": false, "0%": false,
		"0.00E+00": false, "@": false, "[DBNum1][$-804]General": false, `[Red]#,##0;[Blue]-#,##0`: false,
		`0;-0;;@`: false, `* #,##0`: false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("%s: %v, want %v", code, got, want)
		}
	}
}

// The same day is a number 1462 smaller in the 1904 date system; a time of
// day alone, or a value that is no number, reads the same in both.
func TestDateText(t *testing.T) {
	for _, c := range []struct {
		v       string
		mac1904 bool
		want    string
	}{
		{"44255", false, "2021-02-28"}, {"42793", true, "2021-02-28"},
		{"44256.395833333336", false, "2021-03-01 09:30:00"}, {"42794.395833333336", true, "2021-03-01 09:30:00"},
		{"0", true, "00:00:00"}, {"1", true, "1904-01-02"}, {"0.5", true, "12:00:00"}, {"0.5", false, "12:00:00"},
		{"x", true, "x"}, {"-1", true, "-1"},
	} {
		if got := dateText(c.v, c.mac1904); got != c.want {
			t.Errorf("dateText(%q, 1904=%v) = %q, want %q", c.v, c.mac1904, got, c.want)
		}
	}
}
