package workbook_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/workbook"
	"github.com/xuri/excelize/v2"
)

// The annotated copy highlights the cell, comments on it, keeps its number
// format, and lists the findings; the original is not touched.
func TestAnnotate(t *testing.T) {
	src := filepath.Join("..", "testdata", "bad", "not-a-number.xlsx")
	before, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	s := defaultSpec(t)
	sub := workbook.ReadFile(src, src, s, workbook.DefaultLimits)
	r := reconcile.Consolidate(s, []reconcile.Submission{sub}, reconcile.Options{Check: true})
	var buf bytes.Buffer
	if err := workbook.Annotate(src, &buf, r.Findings, reconcile.Chinese, workbook.DefaultLimits); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(src)
	if !bytes.Equal(before, after) {
		t.Fatal("the original was modified")
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	comments, err := f.GetComments("税收收入")
	if err != nil || len(comments) != 1 || comments[0].Cell != "C5" || !strings.Contains(comments[0].Paragraph[0].Text, "不是数字") {
		t.Fatalf("comments: %+v %v", comments, err)
	}
	id, _ := f.GetCellStyle("税收收入", "C5")
	st, _ := f.GetStyle(id)
	if len(st.Fill.Color) == 0 || st.Fill.Color[0] != "FFC7CE" || st.CustomNumFmt == nil || *st.CustomNumFmt != "#,##0.00" {
		t.Errorf("C5 style: fill %v numfmt %v; want the error fill and the template's number format kept", st.Fill.Color, st.CustomNumFmt)
	}
	rows, _ := f.GetRows("审核结果")
	if len(rows) != 2 || rows[1][1] != "C5" || rows[1][2] != "错误" {
		t.Errorf("findings sheet: %v", rows)
	}
}
