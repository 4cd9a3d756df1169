// The opcode table of WebAssembly 2.0: every instruction with its text name, immediate kind and, for instructions with a fixed type, its signature.

package wasm

// Opcodes of WebAssembly 2.0. See Op for the numbering.
const (
	OpUnreachable                   Op = 0x000 // unreachable
	OpNop                           Op = 0x001 // nop
	OpBlock                         Op = 0x002 // block
	OpLoop                          Op = 0x003 // loop
	OpIf                            Op = 0x004 // if
	OpElse                          Op = 0x005 // else
	OpThrow                         Op = 0x008 // throw (3.0: exception handling)
	OpThrowRef                      Op = 0x00A // throw_ref (3.0: exception handling)
	OpEnd                           Op = 0x00B // end
	OpBr                            Op = 0x00C // br
	OpBrIf                          Op = 0x00D // br_if
	OpBrTable                       Op = 0x00E // br_table
	OpReturn                        Op = 0x00F // return
	OpCall                          Op = 0x010 // call
	OpCallIndirect                  Op = 0x011 // call_indirect
	OpReturnCall                    Op = 0x012 // return_call (3.0: tail calls)
	OpReturnCallIndirect            Op = 0x013 // return_call_indirect (3.0: tail calls)
	OpCallRef                       Op = 0x014 // call_ref (3.0: typed function references)
	OpReturnCallRef                 Op = 0x015 // return_call_ref (3.0: typed function references and tail calls)
	OpDrop                          Op = 0x01A // drop
	OpSelect                        Op = 0x01B // select
	OpSelectT                       Op = 0x01C // select
	OpTryTable                      Op = 0x01F // try_table (3.0: exception handling)
	OpLocalGet                      Op = 0x020 // local.get
	OpLocalSet                      Op = 0x021 // local.set
	OpLocalTee                      Op = 0x022 // local.tee
	OpGlobalGet                     Op = 0x023 // global.get
	OpGlobalSet                     Op = 0x024 // global.set
	OpTableGet                      Op = 0x025 // table.get
	OpTableSet                      Op = 0x026 // table.set
	OpI32Load                       Op = 0x028 // i32.load
	OpI64Load                       Op = 0x029 // i64.load
	OpF32Load                       Op = 0x02A // f32.load
	OpF64Load                       Op = 0x02B // f64.load
	OpI32Load8S                     Op = 0x02C // i32.load8_s
	OpI32Load8U                     Op = 0x02D // i32.load8_u
	OpI32Load16S                    Op = 0x02E // i32.load16_s
	OpI32Load16U                    Op = 0x02F // i32.load16_u
	OpI64Load8S                     Op = 0x030 // i64.load8_s
	OpI64Load8U                     Op = 0x031 // i64.load8_u
	OpI64Load16S                    Op = 0x032 // i64.load16_s
	OpI64Load16U                    Op = 0x033 // i64.load16_u
	OpI64Load32S                    Op = 0x034 // i64.load32_s
	OpI64Load32U                    Op = 0x035 // i64.load32_u
	OpI32Store                      Op = 0x036 // i32.store
	OpI64Store                      Op = 0x037 // i64.store
	OpF32Store                      Op = 0x038 // f32.store
	OpF64Store                      Op = 0x039 // f64.store
	OpI32Store8                     Op = 0x03A // i32.store8
	OpI32Store16                    Op = 0x03B // i32.store16
	OpI64Store8                     Op = 0x03C // i64.store8
	OpI64Store16                    Op = 0x03D // i64.store16
	OpI64Store32                    Op = 0x03E // i64.store32
	OpMemorySize                    Op = 0x03F // memory.size
	OpMemoryGrow                    Op = 0x040 // memory.grow
	OpI32Const                      Op = 0x041 // i32.const
	OpI64Const                      Op = 0x042 // i64.const
	OpF32Const                      Op = 0x043 // f32.const
	OpF64Const                      Op = 0x044 // f64.const
	OpI32Eqz                        Op = 0x045 // i32.eqz
	OpI32Eq                         Op = 0x046 // i32.eq
	OpI32Ne                         Op = 0x047 // i32.ne
	OpI32LtS                        Op = 0x048 // i32.lt_s
	OpI32LtU                        Op = 0x049 // i32.lt_u
	OpI32GtS                        Op = 0x04A // i32.gt_s
	OpI32GtU                        Op = 0x04B // i32.gt_u
	OpI32LeS                        Op = 0x04C // i32.le_s
	OpI32LeU                        Op = 0x04D // i32.le_u
	OpI32GeS                        Op = 0x04E // i32.ge_s
	OpI32GeU                        Op = 0x04F // i32.ge_u
	OpI64Eqz                        Op = 0x050 // i64.eqz
	OpI64Eq                         Op = 0x051 // i64.eq
	OpI64Ne                         Op = 0x052 // i64.ne
	OpI64LtS                        Op = 0x053 // i64.lt_s
	OpI64LtU                        Op = 0x054 // i64.lt_u
	OpI64GtS                        Op = 0x055 // i64.gt_s
	OpI64GtU                        Op = 0x056 // i64.gt_u
	OpI64LeS                        Op = 0x057 // i64.le_s
	OpI64LeU                        Op = 0x058 // i64.le_u
	OpI64GeS                        Op = 0x059 // i64.ge_s
	OpI64GeU                        Op = 0x05A // i64.ge_u
	OpF32Eq                         Op = 0x05B // f32.eq
	OpF32Ne                         Op = 0x05C // f32.ne
	OpF32Lt                         Op = 0x05D // f32.lt
	OpF32Gt                         Op = 0x05E // f32.gt
	OpF32Le                         Op = 0x05F // f32.le
	OpF32Ge                         Op = 0x060 // f32.ge
	OpF64Eq                         Op = 0x061 // f64.eq
	OpF64Ne                         Op = 0x062 // f64.ne
	OpF64Lt                         Op = 0x063 // f64.lt
	OpF64Gt                         Op = 0x064 // f64.gt
	OpF64Le                         Op = 0x065 // f64.le
	OpF64Ge                         Op = 0x066 // f64.ge
	OpI32Clz                        Op = 0x067 // i32.clz
	OpI32Ctz                        Op = 0x068 // i32.ctz
	OpI32Popcnt                     Op = 0x069 // i32.popcnt
	OpI32Add                        Op = 0x06A // i32.add
	OpI32Sub                        Op = 0x06B // i32.sub
	OpI32Mul                        Op = 0x06C // i32.mul
	OpI32DivS                       Op = 0x06D // i32.div_s
	OpI32DivU                       Op = 0x06E // i32.div_u
	OpI32RemS                       Op = 0x06F // i32.rem_s
	OpI32RemU                       Op = 0x070 // i32.rem_u
	OpI32And                        Op = 0x071 // i32.and
	OpI32Or                         Op = 0x072 // i32.or
	OpI32Xor                        Op = 0x073 // i32.xor
	OpI32Shl                        Op = 0x074 // i32.shl
	OpI32ShrS                       Op = 0x075 // i32.shr_s
	OpI32ShrU                       Op = 0x076 // i32.shr_u
	OpI32Rotl                       Op = 0x077 // i32.rotl
	OpI32Rotr                       Op = 0x078 // i32.rotr
	OpI64Clz                        Op = 0x079 // i64.clz
	OpI64Ctz                        Op = 0x07A // i64.ctz
	OpI64Popcnt                     Op = 0x07B // i64.popcnt
	OpI64Add                        Op = 0x07C // i64.add
	OpI64Sub                        Op = 0x07D // i64.sub
	OpI64Mul                        Op = 0x07E // i64.mul
	OpI64DivS                       Op = 0x07F // i64.div_s
	OpI64DivU                       Op = 0x080 // i64.div_u
	OpI64RemS                       Op = 0x081 // i64.rem_s
	OpI64RemU                       Op = 0x082 // i64.rem_u
	OpI64And                        Op = 0x083 // i64.and
	OpI64Or                         Op = 0x084 // i64.or
	OpI64Xor                        Op = 0x085 // i64.xor
	OpI64Shl                        Op = 0x086 // i64.shl
	OpI64ShrS                       Op = 0x087 // i64.shr_s
	OpI64ShrU                       Op = 0x088 // i64.shr_u
	OpI64Rotl                       Op = 0x089 // i64.rotl
	OpI64Rotr                       Op = 0x08A // i64.rotr
	OpF32Abs                        Op = 0x08B // f32.abs
	OpF32Neg                        Op = 0x08C // f32.neg
	OpF32Ceil                       Op = 0x08D // f32.ceil
	OpF32Floor                      Op = 0x08E // f32.floor
	OpF32Trunc                      Op = 0x08F // f32.trunc
	OpF32Nearest                    Op = 0x090 // f32.nearest
	OpF32Sqrt                       Op = 0x091 // f32.sqrt
	OpF32Add                        Op = 0x092 // f32.add
	OpF32Sub                        Op = 0x093 // f32.sub
	OpF32Mul                        Op = 0x094 // f32.mul
	OpF32Div                        Op = 0x095 // f32.div
	OpF32Min                        Op = 0x096 // f32.min
	OpF32Max                        Op = 0x097 // f32.max
	OpF32Copysign                   Op = 0x098 // f32.copysign
	OpF64Abs                        Op = 0x099 // f64.abs
	OpF64Neg                        Op = 0x09A // f64.neg
	OpF64Ceil                       Op = 0x09B // f64.ceil
	OpF64Floor                      Op = 0x09C // f64.floor
	OpF64Trunc                      Op = 0x09D // f64.trunc
	OpF64Nearest                    Op = 0x09E // f64.nearest
	OpF64Sqrt                       Op = 0x09F // f64.sqrt
	OpF64Add                        Op = 0x0A0 // f64.add
	OpF64Sub                        Op = 0x0A1 // f64.sub
	OpF64Mul                        Op = 0x0A2 // f64.mul
	OpF64Div                        Op = 0x0A3 // f64.div
	OpF64Min                        Op = 0x0A4 // f64.min
	OpF64Max                        Op = 0x0A5 // f64.max
	OpF64Copysign                   Op = 0x0A6 // f64.copysign
	OpI32WrapI64                    Op = 0x0A7 // i32.wrap_i64
	OpI32TruncF32S                  Op = 0x0A8 // i32.trunc_f32_s
	OpI32TruncF32U                  Op = 0x0A9 // i32.trunc_f32_u
	OpI32TruncF64S                  Op = 0x0AA // i32.trunc_f64_s
	OpI32TruncF64U                  Op = 0x0AB // i32.trunc_f64_u
	OpI64ExtendI32S                 Op = 0x0AC // i64.extend_i32_s
	OpI64ExtendI32U                 Op = 0x0AD // i64.extend_i32_u
	OpI64TruncF32S                  Op = 0x0AE // i64.trunc_f32_s
	OpI64TruncF32U                  Op = 0x0AF // i64.trunc_f32_u
	OpI64TruncF64S                  Op = 0x0B0 // i64.trunc_f64_s
	OpI64TruncF64U                  Op = 0x0B1 // i64.trunc_f64_u
	OpF32ConvertI32S                Op = 0x0B2 // f32.convert_i32_s
	OpF32ConvertI32U                Op = 0x0B3 // f32.convert_i32_u
	OpF32ConvertI64S                Op = 0x0B4 // f32.convert_i64_s
	OpF32ConvertI64U                Op = 0x0B5 // f32.convert_i64_u
	OpF32DemoteF64                  Op = 0x0B6 // f32.demote_f64
	OpF64ConvertI32S                Op = 0x0B7 // f64.convert_i32_s
	OpF64ConvertI32U                Op = 0x0B8 // f64.convert_i32_u
	OpF64ConvertI64S                Op = 0x0B9 // f64.convert_i64_s
	OpF64ConvertI64U                Op = 0x0BA // f64.convert_i64_u
	OpF64PromoteF32                 Op = 0x0BB // f64.promote_f32
	OpI32ReinterpretF32             Op = 0x0BC // i32.reinterpret_f32
	OpI64ReinterpretF64             Op = 0x0BD // i64.reinterpret_f64
	OpF32ReinterpretI32             Op = 0x0BE // f32.reinterpret_i32
	OpF64ReinterpretI64             Op = 0x0BF // f64.reinterpret_i64
	OpI32Extend8S                   Op = 0x0C0 // i32.extend8_s
	OpI32Extend16S                  Op = 0x0C1 // i32.extend16_s
	OpI64Extend8S                   Op = 0x0C2 // i64.extend8_s
	OpI64Extend16S                  Op = 0x0C3 // i64.extend16_s
	OpI64Extend32S                  Op = 0x0C4 // i64.extend32_s
	OpRefNull                       Op = 0x0D0 // ref.null
	OpRefIsNull                     Op = 0x0D1 // ref.is_null
	OpRefFunc                       Op = 0x0D2 // ref.func
	OpRefAsNonNull                  Op = 0x0D4 // ref.as_non_null (3.0: typed function references)
	OpBrOnNull                      Op = 0x0D5 // br_on_null (3.0: typed function references)
	OpBrOnNonNull                   Op = 0x0D6 // br_on_non_null (3.0: typed function references)
	OpI32TruncSatF32S               Op = 0x200 // i32.trunc_sat_f32_s
	OpI32TruncSatF32U               Op = 0x201 // i32.trunc_sat_f32_u
	OpI32TruncSatF64S               Op = 0x202 // i32.trunc_sat_f64_s
	OpI32TruncSatF64U               Op = 0x203 // i32.trunc_sat_f64_u
	OpI64TruncSatF32S               Op = 0x204 // i64.trunc_sat_f32_s
	OpI64TruncSatF32U               Op = 0x205 // i64.trunc_sat_f32_u
	OpI64TruncSatF64S               Op = 0x206 // i64.trunc_sat_f64_s
	OpI64TruncSatF64U               Op = 0x207 // i64.trunc_sat_f64_u
	OpMemoryInit                    Op = 0x208 // memory.init
	OpDataDrop                      Op = 0x209 // data.drop
	OpMemoryCopy                    Op = 0x20A // memory.copy
	OpMemoryFill                    Op = 0x20B // memory.fill
	OpTableInit                     Op = 0x20C // table.init
	OpElemDrop                      Op = 0x20D // elem.drop
	OpTableCopy                     Op = 0x20E // table.copy
	OpTableGrow                     Op = 0x20F // table.grow
	OpTableSize                     Op = 0x210 // table.size
	OpTableFill                     Op = 0x211 // table.fill
	OpV128Load                      Op = 0x300 // v128.load
	OpV128Load8x8S                  Op = 0x301 // v128.load8x8_s
	OpV128Load8x8U                  Op = 0x302 // v128.load8x8_u
	OpV128Load16x4S                 Op = 0x303 // v128.load16x4_s
	OpV128Load16x4U                 Op = 0x304 // v128.load16x4_u
	OpV128Load32x2S                 Op = 0x305 // v128.load32x2_s
	OpV128Load32x2U                 Op = 0x306 // v128.load32x2_u
	OpV128Load8Splat                Op = 0x307 // v128.load8_splat
	OpV128Load16Splat               Op = 0x308 // v128.load16_splat
	OpV128Load32Splat               Op = 0x309 // v128.load32_splat
	OpV128Load64Splat               Op = 0x30A // v128.load64_splat
	OpV128Store                     Op = 0x30B // v128.store
	OpV128Const                     Op = 0x30C // v128.const
	OpI8x16Shuffle                  Op = 0x30D // i8x16.shuffle
	OpI8x16Swizzle                  Op = 0x30E // i8x16.swizzle
	OpI8x16Splat                    Op = 0x30F // i8x16.splat
	OpI16x8Splat                    Op = 0x310 // i16x8.splat
	OpI32x4Splat                    Op = 0x311 // i32x4.splat
	OpI64x2Splat                    Op = 0x312 // i64x2.splat
	OpF32x4Splat                    Op = 0x313 // f32x4.splat
	OpF64x2Splat                    Op = 0x314 // f64x2.splat
	OpI8x16ExtractLaneS             Op = 0x315 // i8x16.extract_lane_s
	OpI8x16ExtractLaneU             Op = 0x316 // i8x16.extract_lane_u
	OpI8x16ReplaceLane              Op = 0x317 // i8x16.replace_lane
	OpI16x8ExtractLaneS             Op = 0x318 // i16x8.extract_lane_s
	OpI16x8ExtractLaneU             Op = 0x319 // i16x8.extract_lane_u
	OpI16x8ReplaceLane              Op = 0x31A // i16x8.replace_lane
	OpI32x4ExtractLane              Op = 0x31B // i32x4.extract_lane
	OpI32x4ReplaceLane              Op = 0x31C // i32x4.replace_lane
	OpI64x2ExtractLane              Op = 0x31D // i64x2.extract_lane
	OpI64x2ReplaceLane              Op = 0x31E // i64x2.replace_lane
	OpF32x4ExtractLane              Op = 0x31F // f32x4.extract_lane
	OpF32x4ReplaceLane              Op = 0x320 // f32x4.replace_lane
	OpF64x2ExtractLane              Op = 0x321 // f64x2.extract_lane
	OpF64x2ReplaceLane              Op = 0x322 // f64x2.replace_lane
	OpI8x16Eq                       Op = 0x323 // i8x16.eq
	OpI8x16Ne                       Op = 0x324 // i8x16.ne
	OpI8x16LtS                      Op = 0x325 // i8x16.lt_s
	OpI8x16LtU                      Op = 0x326 // i8x16.lt_u
	OpI8x16GtS                      Op = 0x327 // i8x16.gt_s
	OpI8x16GtU                      Op = 0x328 // i8x16.gt_u
	OpI8x16LeS                      Op = 0x329 // i8x16.le_s
	OpI8x16LeU                      Op = 0x32A // i8x16.le_u
	OpI8x16GeS                      Op = 0x32B // i8x16.ge_s
	OpI8x16GeU                      Op = 0x32C // i8x16.ge_u
	OpI16x8Eq                       Op = 0x32D // i16x8.eq
	OpI16x8Ne                       Op = 0x32E // i16x8.ne
	OpI16x8LtS                      Op = 0x32F // i16x8.lt_s
	OpI16x8LtU                      Op = 0x330 // i16x8.lt_u
	OpI16x8GtS                      Op = 0x331 // i16x8.gt_s
	OpI16x8GtU                      Op = 0x332 // i16x8.gt_u
	OpI16x8LeS                      Op = 0x333 // i16x8.le_s
	OpI16x8LeU                      Op = 0x334 // i16x8.le_u
	OpI16x8GeS                      Op = 0x335 // i16x8.ge_s
	OpI16x8GeU                      Op = 0x336 // i16x8.ge_u
	OpI32x4Eq                       Op = 0x337 // i32x4.eq
	OpI32x4Ne                       Op = 0x338 // i32x4.ne
	OpI32x4LtS                      Op = 0x339 // i32x4.lt_s
	OpI32x4LtU                      Op = 0x33A // i32x4.lt_u
	OpI32x4GtS                      Op = 0x33B // i32x4.gt_s
	OpI32x4GtU                      Op = 0x33C // i32x4.gt_u
	OpI32x4LeS                      Op = 0x33D // i32x4.le_s
	OpI32x4LeU                      Op = 0x33E // i32x4.le_u
	OpI32x4GeS                      Op = 0x33F // i32x4.ge_s
	OpI32x4GeU                      Op = 0x340 // i32x4.ge_u
	OpF32x4Eq                       Op = 0x341 // f32x4.eq
	OpF32x4Ne                       Op = 0x342 // f32x4.ne
	OpF32x4Lt                       Op = 0x343 // f32x4.lt
	OpF32x4Gt                       Op = 0x344 // f32x4.gt
	OpF32x4Le                       Op = 0x345 // f32x4.le
	OpF32x4Ge                       Op = 0x346 // f32x4.ge
	OpF64x2Eq                       Op = 0x347 // f64x2.eq
	OpF64x2Ne                       Op = 0x348 // f64x2.ne
	OpF64x2Lt                       Op = 0x349 // f64x2.lt
	OpF64x2Gt                       Op = 0x34A // f64x2.gt
	OpF64x2Le                       Op = 0x34B // f64x2.le
	OpF64x2Ge                       Op = 0x34C // f64x2.ge
	OpV128Not                       Op = 0x34D // v128.not
	OpV128And                       Op = 0x34E // v128.and
	OpV128Andnot                    Op = 0x34F // v128.andnot
	OpV128Or                        Op = 0x350 // v128.or
	OpV128Xor                       Op = 0x351 // v128.xor
	OpV128Bitselect                 Op = 0x352 // v128.bitselect
	OpV128AnyTrue                   Op = 0x353 // v128.any_true
	OpV128Load8Lane                 Op = 0x354 // v128.load8_lane
	OpV128Load16Lane                Op = 0x355 // v128.load16_lane
	OpV128Load32Lane                Op = 0x356 // v128.load32_lane
	OpV128Load64Lane                Op = 0x357 // v128.load64_lane
	OpV128Store8Lane                Op = 0x358 // v128.store8_lane
	OpV128Store16Lane               Op = 0x359 // v128.store16_lane
	OpV128Store32Lane               Op = 0x35A // v128.store32_lane
	OpV128Store64Lane               Op = 0x35B // v128.store64_lane
	OpV128Load32Zero                Op = 0x35C // v128.load32_zero
	OpV128Load64Zero                Op = 0x35D // v128.load64_zero
	OpF32x4DemoteF64x2Zero          Op = 0x35E // f32x4.demote_f64x2_zero
	OpF64x2PromoteLowF32x4          Op = 0x35F // f64x2.promote_low_f32x4
	OpI8x16Abs                      Op = 0x360 // i8x16.abs
	OpI8x16Neg                      Op = 0x361 // i8x16.neg
	OpI8x16Popcnt                   Op = 0x362 // i8x16.popcnt
	OpI8x16AllTrue                  Op = 0x363 // i8x16.all_true
	OpI8x16Bitmask                  Op = 0x364 // i8x16.bitmask
	OpI8x16NarrowI16x8S             Op = 0x365 // i8x16.narrow_i16x8_s
	OpI8x16NarrowI16x8U             Op = 0x366 // i8x16.narrow_i16x8_u
	OpF32x4Ceil                     Op = 0x367 // f32x4.ceil
	OpF32x4Floor                    Op = 0x368 // f32x4.floor
	OpF32x4Trunc                    Op = 0x369 // f32x4.trunc
	OpF32x4Nearest                  Op = 0x36A // f32x4.nearest
	OpI8x16Shl                      Op = 0x36B // i8x16.shl
	OpI8x16ShrS                     Op = 0x36C // i8x16.shr_s
	OpI8x16ShrU                     Op = 0x36D // i8x16.shr_u
	OpI8x16Add                      Op = 0x36E // i8x16.add
	OpI8x16AddSatS                  Op = 0x36F // i8x16.add_sat_s
	OpI8x16AddSatU                  Op = 0x370 // i8x16.add_sat_u
	OpI8x16Sub                      Op = 0x371 // i8x16.sub
	OpI8x16SubSatS                  Op = 0x372 // i8x16.sub_sat_s
	OpI8x16SubSatU                  Op = 0x373 // i8x16.sub_sat_u
	OpF64x2Ceil                     Op = 0x374 // f64x2.ceil
	OpF64x2Floor                    Op = 0x375 // f64x2.floor
	OpI8x16MinS                     Op = 0x376 // i8x16.min_s
	OpI8x16MinU                     Op = 0x377 // i8x16.min_u
	OpI8x16MaxS                     Op = 0x378 // i8x16.max_s
	OpI8x16MaxU                     Op = 0x379 // i8x16.max_u
	OpF64x2Trunc                    Op = 0x37A // f64x2.trunc
	OpI8x16AvgrU                    Op = 0x37B // i8x16.avgr_u
	OpI16x8ExtaddPairwiseI8x16S     Op = 0x37C // i16x8.extadd_pairwise_i8x16_s
	OpI16x8ExtaddPairwiseI8x16U     Op = 0x37D // i16x8.extadd_pairwise_i8x16_u
	OpI32x4ExtaddPairwiseI16x8S     Op = 0x37E // i32x4.extadd_pairwise_i16x8_s
	OpI32x4ExtaddPairwiseI16x8U     Op = 0x37F // i32x4.extadd_pairwise_i16x8_u
	OpI16x8Abs                      Op = 0x380 // i16x8.abs
	OpI16x8Neg                      Op = 0x381 // i16x8.neg
	OpI16x8Q15mulrSatS              Op = 0x382 // i16x8.q15mulr_sat_s
	OpI16x8AllTrue                  Op = 0x383 // i16x8.all_true
	OpI16x8Bitmask                  Op = 0x384 // i16x8.bitmask
	OpI16x8NarrowI32x4S             Op = 0x385 // i16x8.narrow_i32x4_s
	OpI16x8NarrowI32x4U             Op = 0x386 // i16x8.narrow_i32x4_u
	OpI16x8ExtendLowI8x16S          Op = 0x387 // i16x8.extend_low_i8x16_s
	OpI16x8ExtendHighI8x16S         Op = 0x388 // i16x8.extend_high_i8x16_s
	OpI16x8ExtendLowI8x16U          Op = 0x389 // i16x8.extend_low_i8x16_u
	OpI16x8ExtendHighI8x16U         Op = 0x38A // i16x8.extend_high_i8x16_u
	OpI16x8Shl                      Op = 0x38B // i16x8.shl
	OpI16x8ShrS                     Op = 0x38C // i16x8.shr_s
	OpI16x8ShrU                     Op = 0x38D // i16x8.shr_u
	OpI16x8Add                      Op = 0x38E // i16x8.add
	OpI16x8AddSatS                  Op = 0x38F // i16x8.add_sat_s
	OpI16x8AddSatU                  Op = 0x390 // i16x8.add_sat_u
	OpI16x8Sub                      Op = 0x391 // i16x8.sub
	OpI16x8SubSatS                  Op = 0x392 // i16x8.sub_sat_s
	OpI16x8SubSatU                  Op = 0x393 // i16x8.sub_sat_u
	OpF64x2Nearest                  Op = 0x394 // f64x2.nearest
	OpI16x8Mul                      Op = 0x395 // i16x8.mul
	OpI16x8MinS                     Op = 0x396 // i16x8.min_s
	OpI16x8MinU                     Op = 0x397 // i16x8.min_u
	OpI16x8MaxS                     Op = 0x398 // i16x8.max_s
	OpI16x8MaxU                     Op = 0x399 // i16x8.max_u
	OpI16x8AvgrU                    Op = 0x39B // i16x8.avgr_u
	OpI16x8ExtmulLowI8x16S          Op = 0x39C // i16x8.extmul_low_i8x16_s
	OpI16x8ExtmulHighI8x16S         Op = 0x39D // i16x8.extmul_high_i8x16_s
	OpI16x8ExtmulLowI8x16U          Op = 0x39E // i16x8.extmul_low_i8x16_u
	OpI16x8ExtmulHighI8x16U         Op = 0x39F // i16x8.extmul_high_i8x16_u
	OpI32x4Abs                      Op = 0x3A0 // i32x4.abs
	OpI32x4Neg                      Op = 0x3A1 // i32x4.neg
	OpI32x4AllTrue                  Op = 0x3A3 // i32x4.all_true
	OpI32x4Bitmask                  Op = 0x3A4 // i32x4.bitmask
	OpI32x4ExtendLowI16x8S          Op = 0x3A7 // i32x4.extend_low_i16x8_s
	OpI32x4ExtendHighI16x8S         Op = 0x3A8 // i32x4.extend_high_i16x8_s
	OpI32x4ExtendLowI16x8U          Op = 0x3A9 // i32x4.extend_low_i16x8_u
	OpI32x4ExtendHighI16x8U         Op = 0x3AA // i32x4.extend_high_i16x8_u
	OpI32x4Shl                      Op = 0x3AB // i32x4.shl
	OpI32x4ShrS                     Op = 0x3AC // i32x4.shr_s
	OpI32x4ShrU                     Op = 0x3AD // i32x4.shr_u
	OpI32x4Add                      Op = 0x3AE // i32x4.add
	OpI32x4Sub                      Op = 0x3B1 // i32x4.sub
	OpI32x4Mul                      Op = 0x3B5 // i32x4.mul
	OpI32x4MinS                     Op = 0x3B6 // i32x4.min_s
	OpI32x4MinU                     Op = 0x3B7 // i32x4.min_u
	OpI32x4MaxS                     Op = 0x3B8 // i32x4.max_s
	OpI32x4MaxU                     Op = 0x3B9 // i32x4.max_u
	OpI32x4DotI16x8S                Op = 0x3BA // i32x4.dot_i16x8_s
	OpI32x4ExtmulLowI16x8S          Op = 0x3BC // i32x4.extmul_low_i16x8_s
	OpI32x4ExtmulHighI16x8S         Op = 0x3BD // i32x4.extmul_high_i16x8_s
	OpI32x4ExtmulLowI16x8U          Op = 0x3BE // i32x4.extmul_low_i16x8_u
	OpI32x4ExtmulHighI16x8U         Op = 0x3BF // i32x4.extmul_high_i16x8_u
	OpI64x2Abs                      Op = 0x3C0 // i64x2.abs
	OpI64x2Neg                      Op = 0x3C1 // i64x2.neg
	OpI64x2AllTrue                  Op = 0x3C3 // i64x2.all_true
	OpI64x2Bitmask                  Op = 0x3C4 // i64x2.bitmask
	OpI64x2ExtendLowI32x4S          Op = 0x3C7 // i64x2.extend_low_i32x4_s
	OpI64x2ExtendHighI32x4S         Op = 0x3C8 // i64x2.extend_high_i32x4_s
	OpI64x2ExtendLowI32x4U          Op = 0x3C9 // i64x2.extend_low_i32x4_u
	OpI64x2ExtendHighI32x4U         Op = 0x3CA // i64x2.extend_high_i32x4_u
	OpI64x2Shl                      Op = 0x3CB // i64x2.shl
	OpI64x2ShrS                     Op = 0x3CC // i64x2.shr_s
	OpI64x2ShrU                     Op = 0x3CD // i64x2.shr_u
	OpI64x2Add                      Op = 0x3CE // i64x2.add
	OpI64x2Sub                      Op = 0x3D1 // i64x2.sub
	OpI64x2Mul                      Op = 0x3D5 // i64x2.mul
	OpI64x2Eq                       Op = 0x3D6 // i64x2.eq
	OpI64x2Ne                       Op = 0x3D7 // i64x2.ne
	OpI64x2LtS                      Op = 0x3D8 // i64x2.lt_s
	OpI64x2GtS                      Op = 0x3D9 // i64x2.gt_s
	OpI64x2LeS                      Op = 0x3DA // i64x2.le_s
	OpI64x2GeS                      Op = 0x3DB // i64x2.ge_s
	OpI64x2ExtmulLowI32x4S          Op = 0x3DC // i64x2.extmul_low_i32x4_s
	OpI64x2ExtmulHighI32x4S         Op = 0x3DD // i64x2.extmul_high_i32x4_s
	OpI64x2ExtmulLowI32x4U          Op = 0x3DE // i64x2.extmul_low_i32x4_u
	OpI64x2ExtmulHighI32x4U         Op = 0x3DF // i64x2.extmul_high_i32x4_u
	OpF32x4Abs                      Op = 0x3E0 // f32x4.abs
	OpF32x4Neg                      Op = 0x3E1 // f32x4.neg
	OpF32x4Sqrt                     Op = 0x3E3 // f32x4.sqrt
	OpF32x4Add                      Op = 0x3E4 // f32x4.add
	OpF32x4Sub                      Op = 0x3E5 // f32x4.sub
	OpF32x4Mul                      Op = 0x3E6 // f32x4.mul
	OpF32x4Div                      Op = 0x3E7 // f32x4.div
	OpF32x4Min                      Op = 0x3E8 // f32x4.min
	OpF32x4Max                      Op = 0x3E9 // f32x4.max
	OpF32x4Pmin                     Op = 0x3EA // f32x4.pmin
	OpF32x4Pmax                     Op = 0x3EB // f32x4.pmax
	OpF64x2Abs                      Op = 0x3EC // f64x2.abs
	OpF64x2Neg                      Op = 0x3ED // f64x2.neg
	OpF64x2Sqrt                     Op = 0x3EF // f64x2.sqrt
	OpF64x2Add                      Op = 0x3F0 // f64x2.add
	OpF64x2Sub                      Op = 0x3F1 // f64x2.sub
	OpF64x2Mul                      Op = 0x3F2 // f64x2.mul
	OpF64x2Div                      Op = 0x3F3 // f64x2.div
	OpF64x2Min                      Op = 0x3F4 // f64x2.min
	OpF64x2Max                      Op = 0x3F5 // f64x2.max
	OpF64x2Pmin                     Op = 0x3F6 // f64x2.pmin
	OpF64x2Pmax                     Op = 0x3F7 // f64x2.pmax
	OpI32x4TruncSatF32x4S           Op = 0x3F8 // i32x4.trunc_sat_f32x4_s
	OpI32x4TruncSatF32x4U           Op = 0x3F9 // i32x4.trunc_sat_f32x4_u
	OpF32x4ConvertI32x4S            Op = 0x3FA // f32x4.convert_i32x4_s
	OpF32x4ConvertI32x4U            Op = 0x3FB // f32x4.convert_i32x4_u
	OpI32x4TruncSatF64x2SZero       Op = 0x3FC // i32x4.trunc_sat_f64x2_s_zero
	OpI32x4TruncSatF64x2UZero       Op = 0x3FD // i32x4.trunc_sat_f64x2_u_zero
	OpF64x2ConvertLowI32x4S         Op = 0x3FE // f64x2.convert_low_i32x4_s
	OpF64x2ConvertLowI32x4U         Op = 0x3FF // f64x2.convert_low_i32x4_u
	OpI8x16RelaxedSwizzle           Op = 0x400 // i8x16.relaxed_swizzle (3.0: relaxed SIMD)
	OpI32x4RelaxedTruncF32x4S       Op = 0x401 // i32x4.relaxed_trunc_f32x4_s (3.0: relaxed SIMD)
	OpI32x4RelaxedTruncF32x4U       Op = 0x402 // i32x4.relaxed_trunc_f32x4_u (3.0: relaxed SIMD)
	OpI32x4RelaxedTruncF64x2SZero   Op = 0x403 // i32x4.relaxed_trunc_f64x2_s_zero (3.0: relaxed SIMD)
	OpI32x4RelaxedTruncF64x2UZero   Op = 0x404 // i32x4.relaxed_trunc_f64x2_u_zero (3.0: relaxed SIMD)
	OpF32x4RelaxedMadd              Op = 0x405 // f32x4.relaxed_madd (3.0: relaxed SIMD)
	OpF32x4RelaxedNmadd             Op = 0x406 // f32x4.relaxed_nmadd (3.0: relaxed SIMD)
	OpF64x2RelaxedMadd              Op = 0x407 // f64x2.relaxed_madd (3.0: relaxed SIMD)
	OpF64x2RelaxedNmadd             Op = 0x408 // f64x2.relaxed_nmadd (3.0: relaxed SIMD)
	OpI8x16RelaxedLaneselect        Op = 0x409 // i8x16.relaxed_laneselect (3.0: relaxed SIMD)
	OpI16x8RelaxedLaneselect        Op = 0x40A // i16x8.relaxed_laneselect (3.0: relaxed SIMD)
	OpI32x4RelaxedLaneselect        Op = 0x40B // i32x4.relaxed_laneselect (3.0: relaxed SIMD)
	OpI64x2RelaxedLaneselect        Op = 0x40C // i64x2.relaxed_laneselect (3.0: relaxed SIMD)
	OpF32x4RelaxedMin               Op = 0x40D // f32x4.relaxed_min (3.0: relaxed SIMD)
	OpF32x4RelaxedMax               Op = 0x40E // f32x4.relaxed_max (3.0: relaxed SIMD)
	OpF64x2RelaxedMin               Op = 0x40F // f64x2.relaxed_min (3.0: relaxed SIMD)
	OpF64x2RelaxedMax               Op = 0x410 // f64x2.relaxed_max (3.0: relaxed SIMD)
	OpI16x8RelaxedQ15mulrS          Op = 0x411 // i16x8.relaxed_q15mulr_s (3.0: relaxed SIMD)
	OpI16x8RelaxedDotI8x16I7x16S    Op = 0x412 // i16x8.relaxed_dot_i8x16_i7x16_s (3.0: relaxed SIMD)
	OpI32x4RelaxedDotI8x16I7x16AddS Op = 0x413 // i32x4.relaxed_dot_i8x16_i7x16_add_s (3.0: relaxed SIMD)
)

var opTable = [...]OpInfo{
	OpUnreachable:                   {Name: "unreachable", Imm: ImmNone, Special: true},
	OpNop:                           {Name: "nop", Imm: ImmNone},
	OpBlock:                         {Name: "block", Imm: ImmBlockType, Special: true},
	OpLoop:                          {Name: "loop", Imm: ImmBlockType, Special: true},
	OpIf:                            {Name: "if", Imm: ImmBlockType, Special: true},
	OpElse:                          {Name: "else", Imm: ImmNone, Special: true},
	OpEnd:                           {Name: "end", Imm: ImmNone, Special: true},
	OpBr:                            {Name: "br", Imm: ImmLabel, Special: true},
	OpBrIf:                          {Name: "br_if", Imm: ImmLabel, Special: true},
	OpBrTable:                       {Name: "br_table", Imm: ImmBrTable, Special: true},
	OpReturn:                        {Name: "return", Imm: ImmNone, Special: true},
	OpCall:                          {Name: "call", Imm: ImmFunc, Special: true},
	OpCallIndirect:                  {Name: "call_indirect", Imm: ImmCallIndirect, Special: true},
	OpCallRef:                       {Name: "call_ref", Imm: ImmType, Special: true, Feature: FeatureTypedFuncRefs},
	OpReturnCallRef:                 {Name: "return_call_ref", Imm: ImmType, Special: true, Feature: FeatureTypedFuncRefs},
	OpRefAsNonNull:                  {Name: "ref.as_non_null", Imm: ImmNone, Special: true, Feature: FeatureTypedFuncRefs},
	OpBrOnNull:                      {Name: "br_on_null", Imm: ImmLabel, Special: true, Feature: FeatureTypedFuncRefs},
	OpBrOnNonNull:                   {Name: "br_on_non_null", Imm: ImmLabel, Special: true, Feature: FeatureTypedFuncRefs},
	OpThrow:                         {Name: "throw", Imm: ImmTag, Special: true, Feature: FeatureExceptions},
	OpThrowRef:                      {Name: "throw_ref", Imm: ImmNone, Special: true, Feature: FeatureExceptions},
	OpTryTable:                      {Name: "try_table", Imm: ImmTryTable, Special: true, Feature: FeatureExceptions},
	OpReturnCall:                    {Name: "return_call", Imm: ImmFunc, Special: true, Feature: FeatureTailCall},
	OpReturnCallIndirect:            {Name: "return_call_indirect", Imm: ImmCallIndirect, Special: true, Feature: FeatureTailCall},
	OpDrop:                          {Name: "drop", Imm: ImmNone, Special: true},
	OpSelect:                        {Name: "select", Imm: ImmNone, Special: true},
	OpSelectT:                       {Name: "select", Imm: ImmSelectT, Special: true},
	OpLocalGet:                      {Name: "local.get", Imm: ImmLocal, Special: true},
	OpLocalSet:                      {Name: "local.set", Imm: ImmLocal, Special: true},
	OpLocalTee:                      {Name: "local.tee", Imm: ImmLocal, Special: true},
	OpGlobalGet:                     {Name: "global.get", Imm: ImmGlobal, Special: true},
	OpGlobalSet:                     {Name: "global.set", Imm: ImmGlobal, Special: true},
	OpTableGet:                      {Name: "table.get", Imm: ImmTable, Special: true},
	OpTableSet:                      {Name: "table.set", Imm: ImmTable, Special: true},
	OpI32Load:                       {Name: "i32.load", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I32}, Align: 2},
	OpI64Load:                       {Name: "i64.load", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 3},
	OpF32Load:                       {Name: "f32.load", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{F32}, Align: 2},
	OpF64Load:                       {Name: "f64.load", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{F64}, Align: 3},
	OpI32Load8S:                     {Name: "i32.load8_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I32}, Align: 0},
	OpI32Load8U:                     {Name: "i32.load8_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I32}, Align: 0},
	OpI32Load16S:                    {Name: "i32.load16_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I32}, Align: 1},
	OpI32Load16U:                    {Name: "i32.load16_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I32}, Align: 1},
	OpI64Load8S:                     {Name: "i64.load8_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 0},
	OpI64Load8U:                     {Name: "i64.load8_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 0},
	OpI64Load16S:                    {Name: "i64.load16_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 1},
	OpI64Load16U:                    {Name: "i64.load16_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 1},
	OpI64Load32S:                    {Name: "i64.load32_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 2},
	OpI64Load32U:                    {Name: "i64.load32_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{I64}, Align: 2},
	OpI32Store:                      {Name: "i32.store", Imm: ImmMemArg, Params: []ValType{I32, I32}, Align: 2},
	OpI64Store:                      {Name: "i64.store", Imm: ImmMemArg, Params: []ValType{I32, I64}, Align: 3},
	OpF32Store:                      {Name: "f32.store", Imm: ImmMemArg, Params: []ValType{I32, F32}, Align: 2},
	OpF64Store:                      {Name: "f64.store", Imm: ImmMemArg, Params: []ValType{I32, F64}, Align: 3},
	OpI32Store8:                     {Name: "i32.store8", Imm: ImmMemArg, Params: []ValType{I32, I32}, Align: 0},
	OpI32Store16:                    {Name: "i32.store16", Imm: ImmMemArg, Params: []ValType{I32, I32}, Align: 1},
	OpI64Store8:                     {Name: "i64.store8", Imm: ImmMemArg, Params: []ValType{I32, I64}, Align: 0},
	OpI64Store16:                    {Name: "i64.store16", Imm: ImmMemArg, Params: []ValType{I32, I64}, Align: 1},
	OpI64Store32:                    {Name: "i64.store32", Imm: ImmMemArg, Params: []ValType{I32, I64}, Align: 2},
	OpMemorySize:                    {Name: "memory.size", Imm: ImmMemory, Results: []ValType{I32}},
	OpMemoryGrow:                    {Name: "memory.grow", Imm: ImmMemory, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI32Const:                      {Name: "i32.const", Imm: ImmI32, Results: []ValType{I32}},
	OpI64Const:                      {Name: "i64.const", Imm: ImmI64, Results: []ValType{I64}},
	OpF32Const:                      {Name: "f32.const", Imm: ImmF32, Results: []ValType{F32}},
	OpF64Const:                      {Name: "f64.const", Imm: ImmF64, Results: []ValType{F64}},
	OpI32Eqz:                        {Name: "i32.eqz", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI32Eq:                         {Name: "i32.eq", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Ne:                         {Name: "i32.ne", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32LtS:                        {Name: "i32.lt_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32LtU:                        {Name: "i32.lt_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32GtS:                        {Name: "i32.gt_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32GtU:                        {Name: "i32.gt_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32LeS:                        {Name: "i32.le_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32LeU:                        {Name: "i32.le_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32GeS:                        {Name: "i32.ge_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32GeU:                        {Name: "i32.ge_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI64Eqz:                        {Name: "i64.eqz", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I32}},
	OpI64Eq:                         {Name: "i64.eq", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64Ne:                         {Name: "i64.ne", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64LtS:                        {Name: "i64.lt_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64LtU:                        {Name: "i64.lt_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64GtS:                        {Name: "i64.gt_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64GtU:                        {Name: "i64.gt_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64LeS:                        {Name: "i64.le_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64LeU:                        {Name: "i64.le_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64GeS:                        {Name: "i64.ge_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpI64GeU:                        {Name: "i64.ge_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I32}},
	OpF32Eq:                         {Name: "f32.eq", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{I32}},
	OpF32Ne:                         {Name: "f32.ne", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{I32}},
	OpF32Lt:                         {Name: "f32.lt", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{I32}},
	OpF32Gt:                         {Name: "f32.gt", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{I32}},
	OpF32Le:                         {Name: "f32.le", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{I32}},
	OpF32Ge:                         {Name: "f32.ge", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{I32}},
	OpF64Eq:                         {Name: "f64.eq", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{I32}},
	OpF64Ne:                         {Name: "f64.ne", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{I32}},
	OpF64Lt:                         {Name: "f64.lt", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{I32}},
	OpF64Gt:                         {Name: "f64.gt", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{I32}},
	OpF64Le:                         {Name: "f64.le", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{I32}},
	OpF64Ge:                         {Name: "f64.ge", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{I32}},
	OpI32Clz:                        {Name: "i32.clz", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI32Ctz:                        {Name: "i32.ctz", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI32Popcnt:                     {Name: "i32.popcnt", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI32Add:                        {Name: "i32.add", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Sub:                        {Name: "i32.sub", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Mul:                        {Name: "i32.mul", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32DivS:                       {Name: "i32.div_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32DivU:                       {Name: "i32.div_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32RemS:                       {Name: "i32.rem_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32RemU:                       {Name: "i32.rem_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32And:                        {Name: "i32.and", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Or:                         {Name: "i32.or", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Xor:                        {Name: "i32.xor", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Shl:                        {Name: "i32.shl", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32ShrS:                       {Name: "i32.shr_s", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32ShrU:                       {Name: "i32.shr_u", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Rotl:                       {Name: "i32.rotl", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI32Rotr:                       {Name: "i32.rotr", Imm: ImmNone, Params: []ValType{I32, I32}, Results: []ValType{I32}},
	OpI64Clz:                        {Name: "i64.clz", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I64}},
	OpI64Ctz:                        {Name: "i64.ctz", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I64}},
	OpI64Popcnt:                     {Name: "i64.popcnt", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I64}},
	OpI64Add:                        {Name: "i64.add", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Sub:                        {Name: "i64.sub", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Mul:                        {Name: "i64.mul", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64DivS:                       {Name: "i64.div_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64DivU:                       {Name: "i64.div_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64RemS:                       {Name: "i64.rem_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64RemU:                       {Name: "i64.rem_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64And:                        {Name: "i64.and", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Or:                         {Name: "i64.or", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Xor:                        {Name: "i64.xor", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Shl:                        {Name: "i64.shl", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64ShrS:                       {Name: "i64.shr_s", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64ShrU:                       {Name: "i64.shr_u", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Rotl:                       {Name: "i64.rotl", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpI64Rotr:                       {Name: "i64.rotr", Imm: ImmNone, Params: []ValType{I64, I64}, Results: []ValType{I64}},
	OpF32Abs:                        {Name: "f32.abs", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Neg:                        {Name: "f32.neg", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Ceil:                       {Name: "f32.ceil", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Floor:                      {Name: "f32.floor", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Trunc:                      {Name: "f32.trunc", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Nearest:                    {Name: "f32.nearest", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Sqrt:                       {Name: "f32.sqrt", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F32}},
	OpF32Add:                        {Name: "f32.add", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF32Sub:                        {Name: "f32.sub", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF32Mul:                        {Name: "f32.mul", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF32Div:                        {Name: "f32.div", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF32Min:                        {Name: "f32.min", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF32Max:                        {Name: "f32.max", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF32Copysign:                   {Name: "f32.copysign", Imm: ImmNone, Params: []ValType{F32, F32}, Results: []ValType{F32}},
	OpF64Abs:                        {Name: "f64.abs", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Neg:                        {Name: "f64.neg", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Ceil:                       {Name: "f64.ceil", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Floor:                      {Name: "f64.floor", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Trunc:                      {Name: "f64.trunc", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Nearest:                    {Name: "f64.nearest", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Sqrt:                       {Name: "f64.sqrt", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F64}},
	OpF64Add:                        {Name: "f64.add", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpF64Sub:                        {Name: "f64.sub", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpF64Mul:                        {Name: "f64.mul", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpF64Div:                        {Name: "f64.div", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpF64Min:                        {Name: "f64.min", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpF64Max:                        {Name: "f64.max", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpF64Copysign:                   {Name: "f64.copysign", Imm: ImmNone, Params: []ValType{F64, F64}, Results: []ValType{F64}},
	OpI32WrapI64:                    {Name: "i32.wrap_i64", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I32}},
	OpI32TruncF32S:                  {Name: "i32.trunc_f32_s", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I32}},
	OpI32TruncF32U:                  {Name: "i32.trunc_f32_u", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I32}},
	OpI32TruncF64S:                  {Name: "i32.trunc_f64_s", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I32}},
	OpI32TruncF64U:                  {Name: "i32.trunc_f64_u", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I32}},
	OpI64ExtendI32S:                 {Name: "i64.extend_i32_s", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I64}},
	OpI64ExtendI32U:                 {Name: "i64.extend_i32_u", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I64}},
	OpI64TruncF32S:                  {Name: "i64.trunc_f32_s", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I64}},
	OpI64TruncF32U:                  {Name: "i64.trunc_f32_u", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I64}},
	OpI64TruncF64S:                  {Name: "i64.trunc_f64_s", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I64}},
	OpI64TruncF64U:                  {Name: "i64.trunc_f64_u", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I64}},
	OpF32ConvertI32S:                {Name: "f32.convert_i32_s", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{F32}},
	OpF32ConvertI32U:                {Name: "f32.convert_i32_u", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{F32}},
	OpF32ConvertI64S:                {Name: "f32.convert_i64_s", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{F32}},
	OpF32ConvertI64U:                {Name: "f32.convert_i64_u", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{F32}},
	OpF32DemoteF64:                  {Name: "f32.demote_f64", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{F32}},
	OpF64ConvertI32S:                {Name: "f64.convert_i32_s", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{F64}},
	OpF64ConvertI32U:                {Name: "f64.convert_i32_u", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{F64}},
	OpF64ConvertI64S:                {Name: "f64.convert_i64_s", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{F64}},
	OpF64ConvertI64U:                {Name: "f64.convert_i64_u", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{F64}},
	OpF64PromoteF32:                 {Name: "f64.promote_f32", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{F64}},
	OpI32ReinterpretF32:             {Name: "i32.reinterpret_f32", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I32}},
	OpI64ReinterpretF64:             {Name: "i64.reinterpret_f64", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I64}},
	OpF32ReinterpretI32:             {Name: "f32.reinterpret_i32", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{F32}},
	OpF64ReinterpretI64:             {Name: "f64.reinterpret_i64", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{F64}},
	OpI32Extend8S:                   {Name: "i32.extend8_s", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI32Extend16S:                  {Name: "i32.extend16_s", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{I32}},
	OpI64Extend8S:                   {Name: "i64.extend8_s", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I64}},
	OpI64Extend16S:                  {Name: "i64.extend16_s", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I64}},
	OpI64Extend32S:                  {Name: "i64.extend32_s", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{I64}},
	OpRefNull:                       {Name: "ref.null", Imm: ImmRefType, Special: true},
	OpRefIsNull:                     {Name: "ref.is_null", Imm: ImmNone, Special: true},
	OpRefFunc:                       {Name: "ref.func", Imm: ImmFunc, Special: true},
	OpI32TruncSatF32S:               {Name: "i32.trunc_sat_f32_s", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I32}},
	OpI32TruncSatF32U:               {Name: "i32.trunc_sat_f32_u", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I32}},
	OpI32TruncSatF64S:               {Name: "i32.trunc_sat_f64_s", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I32}},
	OpI32TruncSatF64U:               {Name: "i32.trunc_sat_f64_u", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I32}},
	OpI64TruncSatF32S:               {Name: "i64.trunc_sat_f32_s", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I64}},
	OpI64TruncSatF32U:               {Name: "i64.trunc_sat_f32_u", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{I64}},
	OpI64TruncSatF64S:               {Name: "i64.trunc_sat_f64_s", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I64}},
	OpI64TruncSatF64U:               {Name: "i64.trunc_sat_f64_u", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{I64}},
	OpMemoryInit:                    {Name: "memory.init", Imm: ImmMemoryInit, Params: []ValType{I32, I32, I32}},
	OpDataDrop:                      {Name: "data.drop", Imm: ImmData},
	OpMemoryCopy:                    {Name: "memory.copy", Imm: ImmMemoryCopy, Params: []ValType{I32, I32, I32}},
	OpMemoryFill:                    {Name: "memory.fill", Imm: ImmMemory, Params: []ValType{I32, I32, I32}},
	OpTableInit:                     {Name: "table.init", Imm: ImmTableInit, Params: []ValType{I32, I32, I32}},
	OpElemDrop:                      {Name: "elem.drop", Imm: ImmElem},
	OpTableCopy:                     {Name: "table.copy", Imm: ImmTableCopy, Params: []ValType{I32, I32, I32}},
	OpTableGrow:                     {Name: "table.grow", Imm: ImmTable, Special: true},
	OpTableSize:                     {Name: "table.size", Imm: ImmTable, Results: []ValType{I32}},
	OpTableFill:                     {Name: "table.fill", Imm: ImmTable, Special: true},
	OpV128Load:                      {Name: "v128.load", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 4},
	OpV128Load8x8S:                  {Name: "v128.load8x8_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Load8x8U:                  {Name: "v128.load8x8_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Load16x4S:                 {Name: "v128.load16x4_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Load16x4U:                 {Name: "v128.load16x4_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Load32x2S:                 {Name: "v128.load32x2_s", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Load32x2U:                 {Name: "v128.load32x2_u", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Load8Splat:                {Name: "v128.load8_splat", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 0},
	OpV128Load16Splat:               {Name: "v128.load16_splat", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 1},
	OpV128Load32Splat:               {Name: "v128.load32_splat", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 2},
	OpV128Load64Splat:               {Name: "v128.load64_splat", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpV128Store:                     {Name: "v128.store", Imm: ImmMemArg, Params: []ValType{I32, V128}, Align: 4},
	OpV128Const:                     {Name: "v128.const", Imm: ImmV128, Results: []ValType{V128}},
	OpI8x16Shuffle:                  {Name: "i8x16.shuffle", Imm: ImmShuffle, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16Swizzle:                  {Name: "i8x16.swizzle", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16Splat:                    {Name: "i8x16.splat", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{V128}},
	OpI16x8Splat:                    {Name: "i16x8.splat", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{V128}},
	OpI32x4Splat:                    {Name: "i32x4.splat", Imm: ImmNone, Params: []ValType{I32}, Results: []ValType{V128}},
	OpI64x2Splat:                    {Name: "i64x2.splat", Imm: ImmNone, Params: []ValType{I64}, Results: []ValType{V128}},
	OpF32x4Splat:                    {Name: "f32x4.splat", Imm: ImmNone, Params: []ValType{F32}, Results: []ValType{V128}},
	OpF64x2Splat:                    {Name: "f64x2.splat", Imm: ImmNone, Params: []ValType{F64}, Results: []ValType{V128}},
	OpI8x16ExtractLaneS:             {Name: "i8x16.extract_lane_s", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{I32}, Lanes: 16},
	OpI8x16ExtractLaneU:             {Name: "i8x16.extract_lane_u", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{I32}, Lanes: 16},
	OpI8x16ReplaceLane:              {Name: "i8x16.replace_lane", Imm: ImmLane, Params: []ValType{V128, I32}, Results: []ValType{V128}, Lanes: 16},
	OpI16x8ExtractLaneS:             {Name: "i16x8.extract_lane_s", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{I32}, Lanes: 8},
	OpI16x8ExtractLaneU:             {Name: "i16x8.extract_lane_u", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{I32}, Lanes: 8},
	OpI16x8ReplaceLane:              {Name: "i16x8.replace_lane", Imm: ImmLane, Params: []ValType{V128, I32}, Results: []ValType{V128}, Lanes: 8},
	OpI32x4ExtractLane:              {Name: "i32x4.extract_lane", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{I32}, Lanes: 4},
	OpI32x4ReplaceLane:              {Name: "i32x4.replace_lane", Imm: ImmLane, Params: []ValType{V128, I32}, Results: []ValType{V128}, Lanes: 4},
	OpI64x2ExtractLane:              {Name: "i64x2.extract_lane", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{I64}, Lanes: 2},
	OpI64x2ReplaceLane:              {Name: "i64x2.replace_lane", Imm: ImmLane, Params: []ValType{V128, I64}, Results: []ValType{V128}, Lanes: 2},
	OpF32x4ExtractLane:              {Name: "f32x4.extract_lane", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{F32}, Lanes: 4},
	OpF32x4ReplaceLane:              {Name: "f32x4.replace_lane", Imm: ImmLane, Params: []ValType{V128, F32}, Results: []ValType{V128}, Lanes: 4},
	OpF64x2ExtractLane:              {Name: "f64x2.extract_lane", Imm: ImmLane, Params: []ValType{V128}, Results: []ValType{F64}, Lanes: 2},
	OpF64x2ReplaceLane:              {Name: "f64x2.replace_lane", Imm: ImmLane, Params: []ValType{V128, F64}, Results: []ValType{V128}, Lanes: 2},
	OpI8x16Eq:                       {Name: "i8x16.eq", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16Ne:                       {Name: "i8x16.ne", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16LtS:                      {Name: "i8x16.lt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16LtU:                      {Name: "i8x16.lt_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16GtS:                      {Name: "i8x16.gt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16GtU:                      {Name: "i8x16.gt_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16LeS:                      {Name: "i8x16.le_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16LeU:                      {Name: "i8x16.le_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16GeS:                      {Name: "i8x16.ge_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16GeU:                      {Name: "i8x16.ge_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8Eq:                       {Name: "i16x8.eq", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8Ne:                       {Name: "i16x8.ne", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8LtS:                      {Name: "i16x8.lt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8LtU:                      {Name: "i16x8.lt_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8GtS:                      {Name: "i16x8.gt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8GtU:                      {Name: "i16x8.gt_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8LeS:                      {Name: "i16x8.le_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8LeU:                      {Name: "i16x8.le_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8GeS:                      {Name: "i16x8.ge_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8GeU:                      {Name: "i16x8.ge_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4Eq:                       {Name: "i32x4.eq", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4Ne:                       {Name: "i32x4.ne", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4LtS:                      {Name: "i32x4.lt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4LtU:                      {Name: "i32x4.lt_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4GtS:                      {Name: "i32x4.gt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4GtU:                      {Name: "i32x4.gt_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4LeS:                      {Name: "i32x4.le_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4LeU:                      {Name: "i32x4.le_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4GeS:                      {Name: "i32x4.ge_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4GeU:                      {Name: "i32x4.ge_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Eq:                       {Name: "f32x4.eq", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Ne:                       {Name: "f32x4.ne", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Lt:                       {Name: "f32x4.lt", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Gt:                       {Name: "f32x4.gt", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Le:                       {Name: "f32x4.le", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Ge:                       {Name: "f32x4.ge", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Eq:                       {Name: "f64x2.eq", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Ne:                       {Name: "f64x2.ne", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Lt:                       {Name: "f64x2.lt", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Gt:                       {Name: "f64x2.gt", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Le:                       {Name: "f64x2.le", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Ge:                       {Name: "f64x2.ge", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpV128Not:                       {Name: "v128.not", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpV128And:                       {Name: "v128.and", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpV128Andnot:                    {Name: "v128.andnot", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpV128Or:                        {Name: "v128.or", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpV128Xor:                       {Name: "v128.xor", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpV128Bitselect:                 {Name: "v128.bitselect", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}},
	OpV128AnyTrue:                   {Name: "v128.any_true", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpV128Load8Lane:                 {Name: "v128.load8_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Results: []ValType{V128}, Align: 0, Lanes: 16},
	OpV128Load16Lane:                {Name: "v128.load16_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Results: []ValType{V128}, Align: 1, Lanes: 8},
	OpV128Load32Lane:                {Name: "v128.load32_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Results: []ValType{V128}, Align: 2, Lanes: 4},
	OpV128Load64Lane:                {Name: "v128.load64_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Results: []ValType{V128}, Align: 3, Lanes: 2},
	OpV128Store8Lane:                {Name: "v128.store8_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Align: 0, Lanes: 16},
	OpV128Store16Lane:               {Name: "v128.store16_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Align: 1, Lanes: 8},
	OpV128Store32Lane:               {Name: "v128.store32_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Align: 2, Lanes: 4},
	OpV128Store64Lane:               {Name: "v128.store64_lane", Imm: ImmMemArgLane, Params: []ValType{I32, V128}, Align: 3, Lanes: 2},
	OpV128Load32Zero:                {Name: "v128.load32_zero", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 2},
	OpV128Load64Zero:                {Name: "v128.load64_zero", Imm: ImmMemArg, Params: []ValType{I32}, Results: []ValType{V128}, Align: 3},
	OpF32x4DemoteF64x2Zero:          {Name: "f32x4.demote_f64x2_zero", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2PromoteLowF32x4:          {Name: "f64x2.promote_low_f32x4", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16Abs:                      {Name: "i8x16.abs", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16Neg:                      {Name: "i8x16.neg", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16Popcnt:                   {Name: "i8x16.popcnt", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16AllTrue:                  {Name: "i8x16.all_true", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI8x16Bitmask:                  {Name: "i8x16.bitmask", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI8x16NarrowI16x8S:             {Name: "i8x16.narrow_i16x8_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16NarrowI16x8U:             {Name: "i8x16.narrow_i16x8_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Ceil:                     {Name: "f32x4.ceil", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4Floor:                    {Name: "f32x4.floor", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4Trunc:                    {Name: "f32x4.trunc", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4Nearest:                  {Name: "f32x4.nearest", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16Shl:                      {Name: "i8x16.shl", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI8x16ShrS:                     {Name: "i8x16.shr_s", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI8x16ShrU:                     {Name: "i8x16.shr_u", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI8x16Add:                      {Name: "i8x16.add", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16AddSatS:                  {Name: "i8x16.add_sat_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16AddSatU:                  {Name: "i8x16.add_sat_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16Sub:                      {Name: "i8x16.sub", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16SubSatS:                  {Name: "i8x16.sub_sat_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16SubSatU:                  {Name: "i8x16.sub_sat_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Ceil:                     {Name: "f64x2.ceil", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2Floor:                    {Name: "f64x2.floor", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16MinS:                     {Name: "i8x16.min_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16MinU:                     {Name: "i8x16.min_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16MaxS:                     {Name: "i8x16.max_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI8x16MaxU:                     {Name: "i8x16.max_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Trunc:                    {Name: "f64x2.trunc", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16AvgrU:                    {Name: "i8x16.avgr_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8ExtaddPairwiseI8x16S:     {Name: "i16x8.extadd_pairwise_i8x16_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8ExtaddPairwiseI8x16U:     {Name: "i16x8.extadd_pairwise_i8x16_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4ExtaddPairwiseI16x8S:     {Name: "i32x4.extadd_pairwise_i16x8_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4ExtaddPairwiseI16x8U:     {Name: "i32x4.extadd_pairwise_i16x8_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8Abs:                      {Name: "i16x8.abs", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8Neg:                      {Name: "i16x8.neg", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8Q15mulrSatS:              {Name: "i16x8.q15mulr_sat_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8AllTrue:                  {Name: "i16x8.all_true", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI16x8Bitmask:                  {Name: "i16x8.bitmask", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI16x8NarrowI32x4S:             {Name: "i16x8.narrow_i32x4_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8NarrowI32x4U:             {Name: "i16x8.narrow_i32x4_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8ExtendLowI8x16S:          {Name: "i16x8.extend_low_i8x16_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8ExtendHighI8x16S:         {Name: "i16x8.extend_high_i8x16_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8ExtendLowI8x16U:          {Name: "i16x8.extend_low_i8x16_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8ExtendHighI8x16U:         {Name: "i16x8.extend_high_i8x16_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8Shl:                      {Name: "i16x8.shl", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI16x8ShrS:                     {Name: "i16x8.shr_s", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI16x8ShrU:                     {Name: "i16x8.shr_u", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI16x8Add:                      {Name: "i16x8.add", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8AddSatS:                  {Name: "i16x8.add_sat_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8AddSatU:                  {Name: "i16x8.add_sat_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8Sub:                      {Name: "i16x8.sub", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8SubSatS:                  {Name: "i16x8.sub_sat_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8SubSatU:                  {Name: "i16x8.sub_sat_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Nearest:                  {Name: "f64x2.nearest", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI16x8Mul:                      {Name: "i16x8.mul", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8MinS:                     {Name: "i16x8.min_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8MinU:                     {Name: "i16x8.min_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8MaxS:                     {Name: "i16x8.max_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8MaxU:                     {Name: "i16x8.max_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8AvgrU:                    {Name: "i16x8.avgr_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8ExtmulLowI8x16S:          {Name: "i16x8.extmul_low_i8x16_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8ExtmulHighI8x16S:         {Name: "i16x8.extmul_high_i8x16_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8ExtmulLowI8x16U:          {Name: "i16x8.extmul_low_i8x16_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI16x8ExtmulHighI8x16U:         {Name: "i16x8.extmul_high_i8x16_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4Abs:                      {Name: "i32x4.abs", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4Neg:                      {Name: "i32x4.neg", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4AllTrue:                  {Name: "i32x4.all_true", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI32x4Bitmask:                  {Name: "i32x4.bitmask", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI32x4ExtendLowI16x8S:          {Name: "i32x4.extend_low_i16x8_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4ExtendHighI16x8S:         {Name: "i32x4.extend_high_i16x8_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4ExtendLowI16x8U:          {Name: "i32x4.extend_low_i16x8_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4ExtendHighI16x8U:         {Name: "i32x4.extend_high_i16x8_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4Shl:                      {Name: "i32x4.shl", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI32x4ShrS:                     {Name: "i32x4.shr_s", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI32x4ShrU:                     {Name: "i32x4.shr_u", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI32x4Add:                      {Name: "i32x4.add", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4Sub:                      {Name: "i32x4.sub", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4Mul:                      {Name: "i32x4.mul", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4MinS:                     {Name: "i32x4.min_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4MinU:                     {Name: "i32x4.min_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4MaxS:                     {Name: "i32x4.max_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4MaxU:                     {Name: "i32x4.max_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4DotI16x8S:                {Name: "i32x4.dot_i16x8_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4ExtmulLowI16x8S:          {Name: "i32x4.extmul_low_i16x8_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4ExtmulHighI16x8S:         {Name: "i32x4.extmul_high_i16x8_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4ExtmulLowI16x8U:          {Name: "i32x4.extmul_low_i16x8_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4ExtmulHighI16x8U:         {Name: "i32x4.extmul_high_i16x8_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2Abs:                      {Name: "i64x2.abs", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI64x2Neg:                      {Name: "i64x2.neg", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI64x2AllTrue:                  {Name: "i64x2.all_true", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI64x2Bitmask:                  {Name: "i64x2.bitmask", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{I32}},
	OpI64x2ExtendLowI32x4S:          {Name: "i64x2.extend_low_i32x4_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI64x2ExtendHighI32x4S:         {Name: "i64x2.extend_high_i32x4_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI64x2ExtendLowI32x4U:          {Name: "i64x2.extend_low_i32x4_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI64x2ExtendHighI32x4U:         {Name: "i64x2.extend_high_i32x4_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI64x2Shl:                      {Name: "i64x2.shl", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI64x2ShrS:                     {Name: "i64x2.shr_s", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI64x2ShrU:                     {Name: "i64x2.shr_u", Imm: ImmNone, Params: []ValType{V128, I32}, Results: []ValType{V128}},
	OpI64x2Add:                      {Name: "i64x2.add", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2Sub:                      {Name: "i64x2.sub", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2Mul:                      {Name: "i64x2.mul", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2Eq:                       {Name: "i64x2.eq", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2Ne:                       {Name: "i64x2.ne", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2LtS:                      {Name: "i64x2.lt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2GtS:                      {Name: "i64x2.gt_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2LeS:                      {Name: "i64x2.le_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2GeS:                      {Name: "i64x2.ge_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2ExtmulLowI32x4S:          {Name: "i64x2.extmul_low_i32x4_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2ExtmulHighI32x4S:         {Name: "i64x2.extmul_high_i32x4_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2ExtmulLowI32x4U:          {Name: "i64x2.extmul_low_i32x4_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI64x2ExtmulHighI32x4U:         {Name: "i64x2.extmul_high_i32x4_u", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Abs:                      {Name: "f32x4.abs", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4Neg:                      {Name: "f32x4.neg", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4Sqrt:                     {Name: "f32x4.sqrt", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4Add:                      {Name: "f32x4.add", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Sub:                      {Name: "f32x4.sub", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Mul:                      {Name: "f32x4.mul", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Div:                      {Name: "f32x4.div", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Min:                      {Name: "f32x4.min", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Max:                      {Name: "f32x4.max", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Pmin:                     {Name: "f32x4.pmin", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF32x4Pmax:                     {Name: "f32x4.pmax", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Abs:                      {Name: "f64x2.abs", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2Neg:                      {Name: "f64x2.neg", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2Sqrt:                     {Name: "f64x2.sqrt", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2Add:                      {Name: "f64x2.add", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Sub:                      {Name: "f64x2.sub", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Mul:                      {Name: "f64x2.mul", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Div:                      {Name: "f64x2.div", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Min:                      {Name: "f64x2.min", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Max:                      {Name: "f64x2.max", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Pmin:                     {Name: "f64x2.pmin", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpF64x2Pmax:                     {Name: "f64x2.pmax", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}},
	OpI32x4TruncSatF32x4S:           {Name: "i32x4.trunc_sat_f32x4_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4TruncSatF32x4U:           {Name: "i32x4.trunc_sat_f32x4_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4ConvertI32x4S:            {Name: "f32x4.convert_i32x4_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF32x4ConvertI32x4U:            {Name: "f32x4.convert_i32x4_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4TruncSatF64x2SZero:       {Name: "i32x4.trunc_sat_f64x2_s_zero", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI32x4TruncSatF64x2UZero:       {Name: "i32x4.trunc_sat_f64x2_u_zero", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2ConvertLowI32x4S:         {Name: "f64x2.convert_low_i32x4_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpF64x2ConvertLowI32x4U:         {Name: "f64x2.convert_low_i32x4_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}},
	OpI8x16RelaxedSwizzle:           {Name: "i8x16.relaxed_swizzle", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI32x4RelaxedTruncF32x4S:       {Name: "i32x4.relaxed_trunc_f32x4_s", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI32x4RelaxedTruncF32x4U:       {Name: "i32x4.relaxed_trunc_f32x4_u", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI32x4RelaxedTruncF64x2SZero:   {Name: "i32x4.relaxed_trunc_f64x2_s_zero", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI32x4RelaxedTruncF64x2UZero:   {Name: "i32x4.relaxed_trunc_f64x2_u_zero", Imm: ImmNone, Params: []ValType{V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF32x4RelaxedMadd:              {Name: "f32x4.relaxed_madd", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF32x4RelaxedNmadd:             {Name: "f32x4.relaxed_nmadd", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF64x2RelaxedMadd:              {Name: "f64x2.relaxed_madd", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF64x2RelaxedNmadd:             {Name: "f64x2.relaxed_nmadd", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI8x16RelaxedLaneselect:        {Name: "i8x16.relaxed_laneselect", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI16x8RelaxedLaneselect:        {Name: "i16x8.relaxed_laneselect", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI32x4RelaxedLaneselect:        {Name: "i32x4.relaxed_laneselect", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI64x2RelaxedLaneselect:        {Name: "i64x2.relaxed_laneselect", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF32x4RelaxedMin:               {Name: "f32x4.relaxed_min", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF32x4RelaxedMax:               {Name: "f32x4.relaxed_max", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF64x2RelaxedMin:               {Name: "f64x2.relaxed_min", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpF64x2RelaxedMax:               {Name: "f64x2.relaxed_max", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI16x8RelaxedQ15mulrS:          {Name: "i16x8.relaxed_q15mulr_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI16x8RelaxedDotI8x16I7x16S:    {Name: "i16x8.relaxed_dot_i8x16_i7x16_s", Imm: ImmNone, Params: []ValType{V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
	OpI32x4RelaxedDotI8x16I7x16AddS: {Name: "i32x4.relaxed_dot_i8x16_i7x16_add_s", Imm: ImmNone, Params: []ValType{V128, V128, V128}, Results: []ValType{V128}, Feature: FeatureRelaxedSIMD},
}
