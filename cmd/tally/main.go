// Command tally consolidates a town's monthly department submissions and
// reconciles them with the published government work report.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
