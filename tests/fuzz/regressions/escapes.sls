// Terminal escapes were printed raw: [2J]0;title
queue Q { retention = 99d } // [31m31m
function F { handler = "[2J" }
