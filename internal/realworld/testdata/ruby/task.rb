# TestRealWorld's CRuby task: reads /work/words.txt, counts words, and
# exercises JSON, Struct, Comparable, big integers, Rational, string
# formatting and exceptions; writes /work/report.json.
begin
  require "json"
  text = File.read("/work/words.txt")
  counts = Hash.new(0)
  text.split.each { |w| counts[w.downcase] += 1 }
  top = counts.sort_by { |w, c| [-c, w] }.first(5)
  puts "words=#{counts.values.sum} distinct=#{counts.size} top=#{top.map { |w, c| "#{w}:#{c}" }.join(",")}"

  Point = Struct.new(:x, :y) do
    include Comparable
    def <=>(o) = [x, y] <=> [o.x, o.y]
    def dist = Math.sqrt(x * x + y * y)
  end
  pts = (1..20).map { |i| Point.new((i * 37) % 11 - 5, (i * 53) % 13 - 6) }
  puts "min=#{pts.min.to_a.inspect} max=#{pts.max.to_a.inspect} far=#{format("%.4f", pts.map(&:dist).max)}"

  fact = (1..60).reduce(:*)
  puts "60!=#{fact} digits=#{fact.to_s.size} 2**200%97=#{2**200 % 97}"
  puts "rational=#{(1..10).sum { |k| Rational(1, k) }} float=#{format("%.10g", (1..10).sum { |k| 1.0 / k })}"

  fib = Enumerator.new { |y| a, b = 0, 1; loop { y << a; a, b = b, a + b } }
  puts "fib=#{fib.take(15).join(" ")}"
  primes = (2..200).select { |n| (2..Math.sqrt(n)).none? { |d| (n % d).zero? } }
  puts "primes<200=#{primes.size} last=#{primes.last(3).inspect}"

  begin
    Integer("not a number")
  rescue ArgumentError => e
    puts "rescued: #{e.class}: #{e.message}"
  end

  report = { "counts" => counts.sort.to_h, "points" => pts.sort.map(&:to_a), "fact_digits" => fact.to_s.size, "primes" => primes.size }
  File.write("/work/report.json", JSON.pretty_generate(report) + "\n")
  back = JSON.parse(File.read("/work/report.json"))
  puts "json round trip: #{back == report}"
  puts "sym=#{%i[b a c].sort.inspect} freeze=#{"x".frozen?} ruby=#{RUBY_VERSION}"
rescue Exception => e
  $stderr.puts "#{e.class}: #{e.message}"
  $stderr.puts e.backtrace.first(10)
ensure
  $stdout.flush
  $stderr.flush
end
