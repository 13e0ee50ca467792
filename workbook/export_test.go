package workbook

// IsFooterLabel exposes footerLabel to the external tests.
func IsFooterLabel(s string) bool { return isFooterLabel(s) }
