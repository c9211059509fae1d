// A QR code encoder for the scenario catalogue: byte mode, error correction
// level M, versions 1-10 (up to 213 bytes, enough for any scenario link),
// drawn as SVG in the page. Local on purpose: a link must not be sent to a
// QR service, and the page makes no third-party request. The algorithm
// follows ISO/IEC 18004 as laid out in Project Nayuki's QR Code generator
// (MIT); the browser tests decode what it draws with zbarimg.
'use strict';

const QR = (function () {
  // Per version 1-10 at level M: error-correction codewords per block, and blocks.
  const ECC_PER_BLOCK = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
  const BLOCKS = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5];
  const FORMAT_LEVEL_M = 0;

  function rawDataModules(version) {
    let modules = (16 * version + 128) * version + 64;
    if (version >= 2) {
      const align = Math.floor(version / 7) + 2;
      modules -= (25 * align - 10) * align - 55;
      if (version >= 7) modules -= 36;
    }
    return modules;
  }

  function dataCodewords(version) {
    return Math.floor(rawDataModules(version) / 8) - ECC_PER_BLOCK[version] * BLOCKS[version];
  }

  // Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
  function gfMultiply(x, y) {
    let z = 0;
    for (let i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function reedSolomonDivisor(degree) {
    const result = new Array(degree).fill(0);
    result[degree - 1] = 1;
    let root = 1;
    for (let i = 0; i < degree; i++) {
      for (let j = 0; j < result.length; j++) {
        result[j] = gfMultiply(result[j], root);
        if (j + 1 < result.length) result[j] ^= result[j + 1];
      }
      root = gfMultiply(root, 0x02);
    }
    return result;
  }

  function reedSolomonRemainder(data, divisor) {
    const result = divisor.map(() => 0);
    for (const byte of data) {
      const factor = byte ^ result.shift();
      result.push(0);
      divisor.forEach((coefficient, i) => { result[i] ^= gfMultiply(coefficient, factor); });
    }
    return result;
  }

  // The data codewords: byte-mode header, the bytes, terminator and padding.
  function encodeData(bytes, version) {
    const bits = [];
    const push = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
    push(0b0100, 4);
    push(bytes.length, version <= 9 ? 8 : 16);
    bytes.forEach(b => push(b, 8));
    const capacity = dataCodewords(version) * 8;
    push(0, Math.min(4, capacity - bits.length));
    push(0, (8 - bits.length % 8) % 8);
    for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) push(pad, 8);
    const codewords = [];
    for (let i = 0; i < bits.length; i += 8) codewords.push(parseInt(bits.slice(i, i + 8).join(''), 2));
    return codewords;
  }

  // Splits the data into blocks, adds each block's error correction, interleaves.
  function withErrorCorrection(data, version) {
    const blockCount = BLOCKS[version], eccLength = ECC_PER_BLOCK[version];
    const raw = Math.floor(rawDataModules(version) / 8);
    const shortBlocks = blockCount - raw % blockCount;
    const shortLength = Math.floor(raw / blockCount);
    const divisor = reedSolomonDivisor(eccLength);
    const blocks = [];
    for (let i = 0, k = 0; i < blockCount; i++) {
      const block = data.slice(k, k + shortLength - eccLength + (i < shortBlocks ? 0 : 1));
      k += block.length;
      const ecc = reedSolomonRemainder(block, divisor);
      if (i < shortBlocks) block.push(0);
      blocks.push(block.concat(ecc));
    }
    const result = [];
    for (let i = 0; i < blocks[0].length; i++) {
      blocks.forEach((block, j) => {
        if (i !== shortLength - eccLength || j >= shortBlocks) result.push(block[i]);
      });
    }
    return result;
  }

  function alignmentPositions(version, size) {
    if (version === 1) return [];
    const count = Math.floor(version / 7) + 2;
    const step = Math.ceil((version * 4 + 4) / (count * 2 - 2)) * 2;
    const result = [6];
    for (let position = size - 7; result.length < count; position -= step) result.splice(1, 0, position);
    return result;
  }

  const MASKS = [
    (x, y) => (x + y) % 2 === 0,
    (x, y) => y % 2 === 0,
    (x, y) => x % 3 === 0,
    (x, y) => (x + y) % 3 === 0,
    (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
    (x, y) => (x * y) % 2 + (x * y) % 3 === 0,
    (x, y) => ((x * y) % 2 + (x * y) % 3) % 2 === 0,
    (x, y) => ((x + y) % 2 + (x * y) % 3) % 2 === 0,
  ];

  class Symbol {
    constructor(version) {
      this.version = version;
      this.size = version * 4 + 17;
      this.dark = Array.from({ length: this.size }, () => new Array(this.size).fill(false));
      this.reserved = Array.from({ length: this.size }, () => new Array(this.size).fill(false));
    }

    setFunction(x, y, dark) {
      this.dark[y][x] = dark;
      this.reserved[y][x] = true;
    }

    drawFunctionPatterns() {
      const size = this.size;
      for (let i = 0; i < size; i++) {
        this.setFunction(6, i, i % 2 === 0);
        this.setFunction(i, 6, i % 2 === 0);
      }
      for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
        for (let dy = -4; dy <= 4; dy++) {
          for (let dx = -4; dx <= 4; dx++) {
            const x = cx + dx, y = cy + dy, distance = Math.max(Math.abs(dx), Math.abs(dy));
            if (x >= 0 && x < size && y >= 0 && y < size) this.setFunction(x, y, distance !== 2 && distance !== 4);
          }
        }
      }
      const positions = alignmentPositions(this.version, size), last = positions.length - 1;
      positions.forEach((px, i) => positions.forEach((py, j) => {
        if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
        for (let dy = -2; dy <= 2; dy++) {
          for (let dx = -2; dx <= 2; dx++) this.setFunction(px + dx, py + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
        }
      }));
      this.drawFormat(0); // reserves the format area; redrawn with the chosen mask
      if (this.version >= 7) {
        let remainder = this.version;
        for (let i = 0; i < 12; i++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
        const bits = (this.version << 12) | remainder;
        for (let i = 0; i < 18; i++) {
          const dark = ((bits >>> i) & 1) === 1, a = size - 11 + (i % 3), b = Math.floor(i / 3);
          this.setFunction(a, b, dark);
          this.setFunction(b, a, dark);
        }
      }
    }

    drawFormat(mask) {
      const data = (FORMAT_LEVEL_M << 3) | mask;
      let remainder = data;
      for (let i = 0; i < 10; i++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
      const bits = ((data << 10) | remainder) ^ 0x5412;
      const bit = i => ((bits >>> i) & 1) === 1;
      const size = this.size;
      for (let i = 0; i <= 5; i++) this.setFunction(8, i, bit(i));
      this.setFunction(8, 7, bit(6));
      this.setFunction(8, 8, bit(7));
      this.setFunction(7, 8, bit(8));
      for (let i = 9; i < 15; i++) this.setFunction(14 - i, 8, bit(i));
      for (let i = 0; i < 8; i++) this.setFunction(size - 1 - i, 8, bit(i));
      for (let i = 8; i < 15; i++) this.setFunction(8, size - 15 + i, bit(i));
      this.setFunction(8, size - 8, true);
    }

    drawCodewords(codewords) {
      const size = this.size;
      let i = 0;
      for (let right = size - 1; right >= 1; right -= 2) {
        if (right === 6) right = 5;
        for (let step = 0; step < size; step++) {
          for (let j = 0; j < 2; j++) {
            const x = right - j;
            const upward = ((right + 1) & 2) === 0;
            const y = upward ? size - 1 - step : step;
            if (!this.reserved[y][x] && i < codewords.length * 8) {
              this.dark[y][x] = ((codewords[i >>> 3] >>> (7 - (i & 7))) & 1) === 1;
              i++;
            }
          }
        }
      }
    }

    applyMask(mask) {
      for (let y = 0; y < this.size; y++) {
        for (let x = 0; x < this.size; x++) {
          if (!this.reserved[y][x] && MASKS[mask](x, y)) this.dark[y][x] = !this.dark[y][x];
        }
      }
    }

    // Penalties for long runs, 2x2 blocks and an unbalanced dark share, so
    // the mask that scans most easily is chosen (any mask decodes).
    penalty() {
      const size = this.size, at = (x, y) => this.dark[y][x];
      let score = 0;
      for (const line of [(i, j) => at(j, i), (i, j) => at(i, j)]) {
        for (let i = 0; i < size; i++) {
          let run = 1;
          for (let j = 1; j <= size; j++) {
            if (j < size && line(i, j) === line(i, j - 1)) {
              run++;
            } else {
              if (run >= 5) score += run - 2;
              run = 1;
            }
          }
        }
      }
      for (let y = 0; y + 1 < size; y++) {
        for (let x = 0; x + 1 < size; x++) {
          const c = at(x, y);
          if (c === at(x + 1, y) && c === at(x, y + 1) && c === at(x + 1, y + 1)) score += 3;
        }
      }
      const darkCount = this.dark.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
      const total = size * size;
      score += (Math.ceil(Math.abs(darkCount * 20 - total * 10) / total) - 1) * 10;
      return score;
    }
  }

  /** The modules of `text`'s QR code (rows of booleans), or null if too long. */
  function encode(text) {
    const bytes = Array.from(new TextEncoder().encode(text));
    let version = 1;
    while (version <= 10 && 4 + (version <= 9 ? 8 : 16) + bytes.length * 8 > dataCodewords(version) * 8) version++;
    if (version > 10) return null;
    const codewords = withErrorCorrection(encodeData(bytes, version), version);
    let best = null, bestScore = Infinity;
    for (let mask = 0; mask < 8; mask++) {
      const symbol = new Symbol(version);
      symbol.drawFunctionPatterns();
      symbol.drawCodewords(codewords);
      symbol.applyMask(mask);
      symbol.drawFormat(mask);
      const score = symbol.penalty();
      if (score < bestScore) [best, bestScore] = [symbol, score];
    }
    return best.dark;
  }

  /** An <svg> of `text`'s QR code with a quiet zone, labelled for screen readers. */
  function svg(text, label) {
    const modules = encode(text);
    if (!modules) return null;
    const quiet = 4, size = modules.length + quiet * 2, ns = 'http://www.w3.org/2000/svg';
    const element = document.createElementNS(ns, 'svg');
    element.setAttribute('viewBox', `0 0 ${size} ${size}`);
    element.setAttribute('role', 'img');
    element.setAttribute('aria-label', label);
    element.setAttribute('shape-rendering', 'crispEdges');
    const background = document.createElementNS(ns, 'rect');
    background.setAttribute('width', size);
    background.setAttribute('height', size);
    background.setAttribute('fill', '#fff');
    const path = document.createElementNS(ns, 'path');
    let d = '';
    modules.forEach((row, y) => row.forEach((dark, x) => { if (dark) d += `M${x + quiet},${y + quiet}h1v1h-1z`; }));
    path.setAttribute('d', d);
    path.setAttribute('fill', '#000');
    element.append(background, path);
    return element;
  }

  return { encode, svg };
})();
