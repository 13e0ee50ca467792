// Package reconcile is tally's domain: indicators, periods, submissions,
// consolidation, checks and the evaluation of published claims.
//
// It is pure: it imports the standard library and shopspring/decimal only,
// never excelize, cobra, os or time.Now. Every figure is a decimal.Decimal;
// a float on the path of a figure is a bug.
//
// A Ledger takes files one at a time, in the order of Identity.Before:
// whole (Add) or row by row (Begin, stream.go), through one path. Its
// memory holds totals, not rows; the few checks that must remember rows
// (across months, one name per credit code) are bounded by named limits.
package reconcile
