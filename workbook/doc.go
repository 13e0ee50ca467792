// Package workbook is tally's xlsx adapter, the only package that imports
// excelize (TestOneAdapter): xlsx bytes ⇄ domain values. It reads
// submissions into reconcile values, each with its source cell; writes a
// reconcile.Result as the consolidated workbook; and renders any grid.Book
// — a department's template, the claims list — with WriteBook. It knows
// cells, sheets and styles and decides nothing about whether a figure is
// right: a blank cell is read as blank, and whether that is an error is
// reconcile's call.
//
// A submission is read one of two ways. ReadFile and ReadHeld hold a file's
// rows in a reconcile.Submission (up to a number of rows), so that several
// small files can be read at once while the ledger adds them in order.
// Stream reads a file of any length into a reconcile.Ledger one row at a
// time; the ledger keeps what the file adds apart until the file is read
// to its end, and the file's 明细 entries wait in a spool file (spool.go),
// so a file found broken at its last row leaves nothing behind. Only the
// shared-string table is held whole (any cell may name any string),
// bounded by Limits.
package workbook
