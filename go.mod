module github.com/wasmrun/wasmrun

go 1.26

require (
	github.com/google/go-cmp v0.7.0 // indirect
	golang.org/x/arch v0.30.0 // indirect
	golang.org/x/sys v0.44.0 // indirect
)
