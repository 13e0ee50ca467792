// Package workbook is tally's excelize adapter: xlsx bytes ⇄ domain values.
// It reads submissions into reconcile values, each with its source cell, and
// writes a reconcile.Result as the consolidated workbook. It knows cells and
// sheets and decides nothing about whether a figure is right.
package workbook
