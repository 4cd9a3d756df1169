//! textstats: the Rust program of TestRealWorld, built with Debian's rustc
//! for wasm32-wasi. Usage: textstats DIR OUT
//! It reads every regular file under DIR (sorted), counts words and
//! identifiers with a BTreeMap, computes line statistics and an Adler-32
//! and FNV-1a per file, runs an LZ77-style compressor and decompressor over
//! the concatenation (checking the round trip), sorts with a custom order,
//! formats floats, and writes a report to OUT.
use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let t = e.file_type()?;
        if t.is_dir() {
            walk(&e.path(), out)?;
        } else if t.is_file() {
            out.push(e.path());
        }
    }
    Ok(())
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + x as u32) % 65521;
        b = (b + a) % 65521;
    }
    (b << 16) | a
}

fn fnv1a(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf29ce484222325u64, |h, &x| (h ^ x as u64).wrapping_mul(0x100000001b3))
}

/// A greedy LZ77 with a 4 KiB window and a hash of 3-byte prefixes.
/// Tokens: 0 LEN BYTES... (literals, LEN <= 255) or 1 DIST_LO DIST_HI LEN.
fn compress(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut head = vec![usize::MAX; 1 << 12];
    let mut lit: Vec<u8> = Vec::new();
    let flush = |lit: &mut Vec<u8>, out: &mut Vec<u8>| {
        for chunk in lit.chunks(255) {
            out.push(0);
            out.push(chunk.len() as u8);
            out.extend_from_slice(chunk);
        }
        lit.clear();
    };
    let mut i = 0;
    while i < data.len() {
        let mut best = (0usize, 0usize);
        if i + 3 <= data.len() {
            let h = ((data[i] as usize) << 4 ^ (data[i + 1] as usize) << 2 ^ data[i + 2] as usize) & 0xfff;
            let cand = head[h];
            head[h] = i;
            if cand != usize::MAX && i - cand < 4096 {
                let mut l = 0;
                while i + l < data.len() && l < 255 && data[cand + l] == data[i + l] {
                    l += 1;
                }
                if l >= 4 {
                    best = (i - cand, l);
                }
            }
        }
        if best.1 > 0 {
            flush(&mut lit, &mut out);
            out.extend_from_slice(&[1, best.0 as u8, (best.0 >> 8) as u8, best.1 as u8]);
            i += best.1;
        } else {
            lit.push(data[i]);
            i += 1;
        }
    }
    flush(&mut lit, &mut out);
    out
}

fn decompress(mut c: &[u8]) -> Vec<u8> {
    let mut out: Vec<u8> = Vec::new();
    while !c.is_empty() {
        if c[0] == 0 {
            let n = c[1] as usize;
            out.extend_from_slice(&c[2..2 + n]);
            c = &c[2 + n..];
        } else {
            let d = c[1] as usize | (c[2] as usize) << 8;
            let n = c[3] as usize;
            let start = out.len() - d;
            for k in 0..n {
                let b = out[start + k];
                out.push(b);
            }
            c = &c[4..];
        }
    }
    out
}

fn main() {
    let args: Vec<String> = env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: textstats DIR OUT");
        std::process::exit(2);
    }
    let mut files = Vec::new();
    if let Err(e) = walk(Path::new(&args[1]), &mut files) {
        eprintln!("textstats: {}: {}", args[1], e);
        std::process::exit(1);
    }
    let mut words: BTreeMap<String, usize> = BTreeMap::new();
    let mut all = Vec::new();
    let mut report = String::new();
    let (mut lines, mut longest) = (0usize, 0usize);
    for f in &files {
        let data = fs::read(f).expect("read");
        let text = String::from_utf8_lossy(&data);
        for line in text.lines() {
            lines += 1;
            longest = longest.max(line.chars().count());
        }
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|w| w.len() > 2) {
            *words.entry(w.to_lowercase()).or_insert(0) += 1;
        }
        report.push_str(&format!("{} {} adler32={:08x} fnv1a={:016x}\n", f.display(), data.len(), adler32(&data), fnv1a(&data)));
        all.extend_from_slice(&data);
    }
    let mut top: Vec<(&String, &usize)> = words.iter().collect();
    top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("{} files, {} bytes, {} lines (longest {}), {} distinct words", files.len(), all.len(), lines, longest, words.len());
    for (w, n) in top.iter().take(12) {
        println!("  {:<16} {:>6}", w, n);
    }
    let c = compress(&all);
    let back = decompress(&c);
    let ratio = c.len() as f64 / all.len().max(1) as f64;
    println!("lz77: {} -> {} bytes (ratio {:.4}), round trip {}, fnv1a {:016x}", all.len(), c.len(), ratio, back == all, fnv1a(&c));
    let mean = words.values().sum::<usize>() as f64 / words.len().max(1) as f64;
    println!("mean count {:.6}, sqrt {:.6e}, ln {:.9}", mean, mean.sqrt(), mean.ln());
    report.push_str(&format!("top: {:?}\n", &top[..top.len().min(5)]));
    let mut out = fs::File::create(&args[2]).expect("create");
    out.write_all(report.as_bytes()).expect("write");
}
