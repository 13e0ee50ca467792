package workbook

// IsFooterLabel exposes footerLabel to the external tests.
func IsFooterLabel(s string) bool { return isFooterLabel(s) }

// SetWhileReading sets whileReading for a test; the returned func unsets it.
func SetWhileReading(f func(path string)) func() {
	whileReading = f
	return func() { whileReading = nil }
}
