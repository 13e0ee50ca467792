package main

import "golang.org/x/sys/windows"

// On Windows the console shows text in its code page (GBK, 936, on a
// Chinese system) while tally writes UTF-8: switch the console to UTF-8 so
// Chinese output reads as Chinese in cmd.exe and PowerShell alike. Output
// redirected to a file is UTF-8 either way.
func init() { _ = windows.SetConsoleOutputCP(65001) } // CP_UTF8
