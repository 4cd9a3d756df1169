module github.com/wasmrun/wasmrun/bench

go 1.26

replace github.com/wasmrun/wasmrun => ../

require github.com/tetratelabs/wazero v1.12.0

require (
	golang.org/x/arch v0.30.0 // indirect
	golang.org/x/sys v0.44.0 // indirect
)

require (
	github.com/google/go-cmp v0.7.0
	github.com/wasmrun/wasmrun v0.0.0
)
