// A small design for the Yosys and nextpnr runs: an 8-bit counter with
// enable, a 16-bit LFSR, and a UART-style shift register with parity.
module top(input clk, input rst, input en, input din, output [7:0] count,
           output [15:0] lfsr_q, output parity, output [7:0] led);
  reg [7:0] c;
  always @(posedge clk)
    if (rst) c <= 8'd0;
    else if (en) c <= c + 8'd1;
  assign count = c;

  reg [15:0] l;
  always @(posedge clk)
    if (rst) l <= 16'hACE1;
    else l <= {l[14:0], l[15] ^ l[13] ^ l[12] ^ l[10]};
  assign lfsr_q = l;

  reg [7:0] sh;
  always @(posedge clk)
    sh <= {sh[6:0], din};
  assign parity = ^sh;
  assign led = sh ^ c ^ l[7:0];
endmodule
