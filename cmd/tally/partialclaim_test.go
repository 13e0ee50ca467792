package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// A claim whose data are incomplete (数据不完整: 科技科's August not sent, a
// rejected row of 招商办) has a value from the data there are, a partial
// sum: said as such — 部分值 on the screen, the 报告核对 cell marked （部分）
// with no 差额 and why in 说明 — never as a computed value with a
// difference, as if it could be compared with the report's figure. A
// verdict on whole data keeps its 计算值 and 差额.
func TestIncompleteClaimPartialValue(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lang, incomplete, mismatch, partial, computed, sheet, why string
	}{
		{"zh", "数据不完整", "不符", "，部分值 ", "，计算值 ", "报告核对", "计算值只含已有数据（部分值），不与报告数比较，不计差额；"},
		{"en", "incomplete", "mismatch", ", partial value ", ", computed ", "Claims", "the computed value holds the data there are only (partial): not compared with the report, no difference; "},
	} {
		r := runSample(t, true, "reconcile", "--lang", c.lang, "--as-of", "2020-12")
		var partial, computed int
		for _, l := range strings.Split(string(r.stdout), "\n") {
			switch {
			case strings.HasPrefix(l, "  "+c.incomplete+"  "):
				partial++
				if !strings.Contains(l, c.partial) || strings.Contains(l, c.computed) {
					t.Errorf("%s: an incomplete claim said as computed: %s", c.lang, l)
				}
			case strings.HasPrefix(l, "  "+c.mismatch+" "):
				computed++
				if !strings.Contains(l, c.computed) || strings.Contains(l, c.partial) {
					t.Errorf("%s: a mismatch not said with its computed value: %s", c.lang, l)
				}
			}
		}
		if partial != 5 || computed != 1 {
			t.Errorf("%s: %d incomplete and %d mismatch lines, want 5 and 1:\n%s", c.lang, partial, computed, r.stdout)
		}

		x, err := excelize.OpenReader(bytes.NewReader(r.book))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := x.GetRows(c.sheet)
		if err != nil {
			t.Fatal(err)
		}
		h := 0
		for h < len(rows) && !(len(rows[h]) > 0 && (rows[h][0] == "编号" || rows[h][0] == "ID")) {
			h++
		}
		if h == len(rows) {
			t.Fatalf("%s: no header row in %s", c.lang, c.sheet)
		}
		head := rows[h]
		verdict := column(t, head, map[string]string{"zh": "结论", "en": "Verdict"}[c.lang])
		value := column(t, head, map[string]string{"zh": "计算值", "en": "Computed"}[c.lang])
		diff := column(t, head, map[string]string{"zh": "差额", "en": "Difference"}[c.lang])
		notes := column(t, head, map[string]string{"zh": "说明", "en": "Notes"}[c.lang])
		seen := map[string]int{}
		for i, row := range rows[h+1:] {
			v := cellAt(row, verdict)
			ref, _ := excelize.CoordinatesToCellName(value+1, h+2+i)
			id, _ := x.GetCellStyle(c.sheet, ref)
			st, _ := x.GetStyle(id)
			format := ""
			if st != nil && st.CustomNumFmt != nil {
				format = *st.CustomNumFmt
			}
			marked := strings.Contains(format, map[string]string{"zh": "（部分）", "en": "(partial)"}[c.lang])
			switch v {
			case c.incomplete:
				seen[v]++
				if cellAt(row, value) == "" || !marked || cellAt(row, diff) != "" || !strings.HasPrefix(cellAt(row, notes), c.why) || len(cellAt(row, notes)) == len(c.why) {
					t.Errorf("%s: %s: value %q (format %q), difference %q, notes %q; want the value marked partial, no difference, why",
						c.lang, row[0], cellAt(row, value), format, cellAt(row, diff), cellAt(row, notes))
				}
			case c.mismatch, map[string]string{"zh": "一致", "en": "consistent"}[c.lang]:
				seen[v]++
				if cellAt(row, value) == "" || marked || cellAt(row, diff) == "" {
					t.Errorf("%s: %s: value %q (format %q), difference %q; want both, not partial", c.lang, row[0], cellAt(row, value), format, cellAt(row, diff))
				}
			}
		}
		x.Close()
		if seen[c.incomplete] != 5 || seen[c.mismatch] != 1 || len(seen) != 3 {
			t.Errorf("%s: verdicts in %s: %v", c.lang, c.sheet, seen)
		}
	}
}
