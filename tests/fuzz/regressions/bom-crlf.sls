// A BOM was E0001 at an invisible character; CRLF line ends.
queue Q { retention = 14d }
