// Package templatetest gives tests a department's fill-in template as the
// command renders it. It is apart from testtool because it imports
// workbook and templates, whose own in-package tests use testtool.
package templatetest

import (
	"testing"

	"github.com/jingwu/tally/reconcile"
	"github.com/jingwu/tally/templates"
	"github.com/jingwu/tally/workbook"
	"github.com/xuri/excelize/v2"
)

// File is department d's template for p, filled with fill, as the command
// renders it, open for a test to type into.
func File(t testing.TB, s *reconcile.Spec, d *reconcile.Department, p reconcile.Period, fill templates.Fill, opts ...templates.Options) (*excelize.File, error) {
	t.Helper()
	b, err := templates.Build(s, d, p, fill, opts...)
	if err != nil {
		return nil, err
	}
	return workbook.BookFile(b)
}
