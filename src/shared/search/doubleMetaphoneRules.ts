/**
 * The letters of Double Metaphone with the most rules (C, G, J, S, T, W), split out of
 * doubleMetaphone.ts to keep files small. Each takes the shared scan state and the current
 * position and returns the position to continue from.
 */

/** Scan state shared by the main loop and the letter rules. */
export type DmState = {
  readonly last: number;
  readonly slavoGermanic: boolean;
  at(pos: number): string;
  isVowel(pos: number): boolean;
  has(start: number, ...options: string[]): boolean;
  add(primary: string, alternate?: string): void;
};

/** Double Metaphone rules for C; returns the next position. */
export function letterC(st: DmState, cur: number): number {
  const { at, has, add, isVowel } = st;
  // Germanic -ach- (bacher, macher)
  if (
    cur > 1 &&
    !isVowel(cur - 2) &&
    has(cur - 1, 'ACH') &&
    at(cur + 2) !== 'I' &&
    (at(cur + 2) !== 'E' || has(cur - 2, 'BACHER', 'MACHER'))
  ) {
    add('K');
    return cur + 2;
  }
  if (cur === 0 && has(cur, 'CAESAR')) {
    add('S');
    return cur + 2;
  }
  if (has(cur, 'CHIA')) {
    add('K'); // chianti
    return cur + 2;
  }
  if (has(cur, 'CH')) {
    if (cur > 0 && has(cur, 'CHAE')) {
      add('K', 'X'); // michael
      return cur + 2;
    }
    // Greek roots (chemistry, chorus)
    if (
      cur === 0 &&
      (has(cur + 1, 'HARAC', 'HARIS') || has(cur + 1, 'HOR', 'HYM', 'HIA', 'HEM')) &&
      !has(0, 'CHORE')
    ) {
      add('K');
      return cur + 2;
    }
    if (
      has(0, 'VAN ', 'VON ') ||
      has(0, 'SCH') ||
      has(cur - 2, 'ORCHES', 'ARCHIT', 'ORCHID') ||
      has(cur + 2, 'T', 'S') ||
      ((has(cur - 1, 'A', 'O', 'U', 'E') || cur === 0) &&
        has(cur + 2, 'L', 'R', 'N', 'M', 'B', 'H', 'F', 'V', 'W', ' '))
    ) {
      add('K');
    } else if (cur > 0) {
      if (has(0, 'MC'))
        add('K'); // McHugh
      else add('X', 'K');
    } else add('X');
    return cur + 2;
  }
  if (has(cur, 'CZ') && !has(cur - 2, 'WICZ')) {
    add('S', 'X'); // czerny
    return cur + 2;
  }
  if (has(cur + 1, 'CIA')) {
    add('X'); // focaccia
    return cur + 3;
  }
  if (has(cur, 'CC') && !(cur === 1 && at(0) === 'M')) {
    if (has(cur + 2, 'I', 'E', 'H') && !has(cur + 2, 'HU')) {
      // accident, accede, succeed vs bacci, bertucci
      if ((cur === 1 && at(cur - 1) === 'A') || has(cur - 1, 'UCCEE', 'UCCES')) add('KS');
      else add('X');
      return cur + 3;
    }
    add('K'); // Pierce's rule
    return cur + 2;
  }
  if (has(cur, 'CK', 'CG', 'CQ')) {
    add('K');
    return cur + 2;
  }
  if (has(cur, 'CI', 'CE', 'CY')) {
    if (has(cur, 'CIO', 'CIE', 'CIA')) add('S', 'X');
    else add('S');
    return cur + 2;
  }
  add('K');
  if (has(cur + 1, ' C', ' Q', ' G')) return cur + 3; // mac caffrey, mac gregor
  if (has(cur + 1, 'C', 'K', 'Q') && !has(cur + 1, 'CE', 'CI')) return cur + 2;
  return cur + 1;
}

/** Double Metaphone rules for G; returns the next position. */
export function letterG(st: DmState, cur: number): number {
  const { at, has, add, isVowel, slavoGermanic } = st;
  if (at(cur + 1) === 'H') {
    if (cur > 0 && !isVowel(cur - 1)) {
      add('K');
      return cur + 2;
    }
    if (cur === 0) {
      if (at(cur + 2) === 'I')
        add('J'); // ghislane
      else add('K');
      return cur + 2;
    }
    // Parker's rule: hugh, bough, broughton
    if (
      (cur > 1 && has(cur - 2, 'B', 'H', 'D')) ||
      (cur > 2 && has(cur - 3, 'B', 'H', 'D')) ||
      (cur > 3 && has(cur - 4, 'B', 'H'))
    ) {
      return cur + 2;
    }
    // laugh, McLaughlin, cough, rough, tough
    if (cur > 2 && at(cur - 1) === 'U' && has(cur - 3, 'C', 'G', 'L', 'R', 'T')) add('F');
    else if (cur > 0 && at(cur - 1) !== 'I') add('K');
    return cur + 2;
  }
  if (at(cur + 1) === 'N') {
    if (cur === 1 && isVowel(0) && !slavoGermanic) add('KN', 'N');
    else if (!has(cur + 2, 'EY') && at(cur + 1) !== 'Y' && !slavoGermanic) add('N', 'KN');
    else add('KN');
    return cur + 2;
  }
  if (has(cur + 1, 'LI') && !slavoGermanic) {
    add('KL', 'L'); // tagliaro
    return cur + 2;
  }
  if (
    cur === 0 &&
    (at(cur + 1) === 'Y' ||
      has(cur + 1, 'ES', 'EP', 'EB', 'EL', 'EY', 'IB', 'IL', 'IN', 'IE', 'EI', 'ER'))
  ) {
    add('K', 'J');
    return cur + 2;
  }
  if (
    (has(cur + 1, 'ER') || at(cur + 1) === 'Y') &&
    !has(0, 'DANGER', 'RANGER', 'MANGER') &&
    !has(cur - 1, 'E', 'I') &&
    !has(cur - 1, 'RGY', 'OGY')
  ) {
    add('K', 'J');
    return cur + 2;
  }
  if (has(cur + 1, 'E', 'I', 'Y') || has(cur - 1, 'AGGI', 'OGGI')) {
    if (has(0, 'VAN ', 'VON ') || has(0, 'SCH') || has(cur + 1, 'ET')) add('K');
    else if (has(cur + 1, 'IER ')) add('J');
    else add('J', 'K');
    return cur + 2;
  }
  add('K');
  return at(cur + 1) === 'G' ? cur + 2 : cur + 1;
}

/** Double Metaphone rules for J; returns the next position. */
export function letterJ(st: DmState, cur: number): number {
  const { at, has, add, isVowel, slavoGermanic, last } = st;
  if (has(cur, 'JOSE') || has(0, 'SAN ')) {
    if ((cur === 0 && at(cur + 4) === ' ') || has(0, 'SAN ')) add('H');
    else add('J', 'H');
    return cur + 1;
  }
  if (cur === 0 && !has(cur, 'JOSE')) {
    add('J', 'A'); // Yankelovich / Jankelowicz
  } else if (isVowel(cur - 1) && !slavoGermanic && (at(cur + 1) === 'A' || at(cur + 1) === 'O')) {
    add('J', 'H'); // Spanish bajador
  } else if (cur === last) {
    add('J', '');
  } else if (
    !has(cur + 1, 'L', 'T', 'K', 'S', 'N', 'M', 'B', 'Z') &&
    !has(cur - 1, 'S', 'K', 'L')
  ) {
    add('J');
  }
  return at(cur + 1) === 'J' ? cur + 2 : cur + 1;
}

/** Double Metaphone rules for S; returns the next position. */
export function letterS(st: DmState, cur: number): number {
  const { at, has, add, isVowel, slavoGermanic, last } = st;
  if (has(cur - 1, 'ISL', 'YSL')) return cur + 1; // island, carlisle
  if (cur === 0 && has(cur, 'SUGAR')) {
    add('X', 'S');
    return cur + 1;
  }
  if (has(cur, 'SH')) {
    if (has(cur + 1, 'HEIM', 'HOEK', 'HOLM', 'HOLZ')) add('S');
    else add('X');
    return cur + 2;
  }
  if (has(cur, 'SIO', 'SIA') || has(cur, 'SIAN')) {
    if (!slavoGermanic) add('S', 'X');
    else add('S');
    return cur + 3;
  }
  // smith ~ schmidt, snider ~ schneider; -sz- in Slavic names
  if ((cur === 0 && has(cur + 1, 'M', 'N', 'L', 'W')) || has(cur + 1, 'Z')) {
    add('S', 'X');
    return has(cur + 1, 'Z') ? cur + 2 : cur + 1;
  }
  if (has(cur, 'SC')) {
    if (at(cur + 2) === 'H') {
      if (has(cur + 3, 'OO', 'ER', 'EN', 'UY', 'ED', 'EM')) {
        if (has(cur + 3, 'ER', 'EN')) add('X', 'SK');
        else add('SK');
        return cur + 3;
      }
      if (cur === 0 && !isVowel(3) && at(3) !== 'W') add('X', 'S');
      else add('X');
      return cur + 3;
    }
    if (has(cur + 2, 'I', 'E', 'Y')) add('S');
    else add('SK');
    return cur + 3;
  }
  if (cur === last && has(cur - 2, 'AI', 'OI'))
    add('', 'S'); // resnais, artois
  else add('S');
  return has(cur + 1, 'S', 'Z') ? cur + 2 : cur + 1;
}

/** Double Metaphone rules for T; returns the next position. */
export function letterT(st: DmState, cur: number): number {
  const { has, add } = st;
  if (has(cur, 'TION')) {
    add('X');
    return cur + 3;
  }
  if (has(cur, 'TIA', 'TCH')) {
    add('X');
    return cur + 3;
  }
  if (has(cur, 'TH') || has(cur, 'TTH')) {
    if (has(cur + 2, 'OM', 'AM') || has(0, 'VAN ', 'VON ') || has(0, 'SCH')) add('T');
    else add('0', 'T');
    return cur + 2;
  }
  add('T');
  return has(cur + 1, 'T', 'D') ? cur + 2 : cur + 1;
}

/** Double Metaphone rules for W; returns the next position. */
export function letterW(st: DmState, cur: number): number {
  const { has, add, isVowel, last } = st;
  if (has(cur, 'WR')) {
    add('R');
    return cur + 2;
  }
  if (cur === 0 && (isVowel(cur + 1) || has(cur, 'WH'))) {
    if (isVowel(cur + 1))
      add('A', 'F'); // Wasserman ~ Vasserman
    else add('A');
  }
  if (
    (cur === last && isVowel(cur - 1)) ||
    has(cur - 1, 'EWSKI', 'EWSKY', 'OWSKI', 'OWSKY') ||
    has(0, 'SCH')
  ) {
    add('', 'F'); // Arnow ~ Arnoff
    return cur + 1;
  }
  if (has(cur, 'WICZ', 'WITZ')) {
    add('TS', 'FX'); // filipowicz
    return cur + 4;
  }
  return cur + 1;
}
