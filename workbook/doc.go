// Package workbook is tally's xlsx adapter, the only package that imports
// excelize (TestOneAdapter): xlsx bytes ⇄ domain values. It reads
// submissions into reconcile values, each with its source cell; writes a
// reconcile.Result as the consolidated workbook; and renders any grid.Book
// — a department's template, the claims list — with WriteBook. It knows
// cells, sheets and styles and decides nothing about whether a figure is
// right.
package workbook
