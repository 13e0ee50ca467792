// Package reconcile is tally's domain: indicators, periods, submissions,
// consolidation, checks and the evaluation of published claims.
//
// It is pure: it imports the standard library and shopspring/decimal only,
// never excelize, cobra, os or time.Now. Every figure is a decimal.Decimal;
// a float on the path of a figure is a bug.
package reconcile
