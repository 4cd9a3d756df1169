module github.com/wasmrun/wasmrun

go 1.26
