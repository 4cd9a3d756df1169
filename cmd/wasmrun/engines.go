package main

// Engines plug into "wasmrun wast --engine NAME" by registering a factory
// with spectest.RegisterEngine, typically from an init function in this
// file once their package exists:
//
//	func init() {
//		spectest.RegisterEngine("interp", func() spectest.Engine { return interp.NewSpecEngine() })
//	}
//
// Until then only "none" (validation only) is available.
