package templates_test

import (
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/xuri/excelize/v2"
)

// templateFile is department d's template for p, filled with fill, as the
// command renders it, open for a test to type into.
func templateFile(t testing.TB, s *reconcile.Spec, d *reconcile.Department, p reconcile.Period, fill templates.Fill, opts ...templates.Options) (*excelize.File, error) {
	t.Helper()
	b, err := templates.Build(s, d, p, fill, opts...)
	if err != nil {
		return nil, err
	}
	return workbook.BookFile(b)
}
