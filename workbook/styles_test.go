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
