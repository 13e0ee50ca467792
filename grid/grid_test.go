package grid

import "testing"

func TestNames(t *testing.T) {
	for col, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 53: "BA", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %s, want %s", col, got, want)
		}
	}
	r := Range{From: Pos{Col: 2, Row: 4}, To: Pos{Col: 28, Row: 33}}
	if got := r.Name(); got != "B4:AB33" {
		t.Errorf("range %s", got)
	}
	if got := (Range{From: Pos{Col: 3, Row: 5}, To: Pos{Col: 3, Row: 5}}).Name(); got != "C5" {
		t.Errorf("one-cell range %s", got)
	}
}

func TestLines(t *testing.T) {
	for _, c := range []struct {
		text  string
		width float64
		want  int
	}{
		{"税收收入", Width(8), 1},
		{"税收收入\n本月（万元）", Width(8), 2},
		{"一二三四五六七八九十", Width(4), 3}, // 10.4 wide: four characters a line
		{"", 10, 1},
	} {
		if got := Lines(c.text, c.width); got != c.want {
			t.Errorf("Lines(%q, %v) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
}
