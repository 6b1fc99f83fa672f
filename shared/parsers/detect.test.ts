import { describe, expect, it } from 'vitest';
import { detectDialect } from './detect';

describe('detectDialect: copyright lines of banners', () => {
  it.each([
    { text: '* Copyright (c) 2004-2015 Hangzhou H3C Tech. Co., Ltd. All rights reserved.  *', dialect: 'comware' },
    { text: 'Copyright (c) 2004-2021 New H3C Technologies Co., Ltd. All rights reserved.', dialect: 'comware' },
    { text: 'Copyright (C) 2011-2020 HUAWEI TECH CO., LTD', dialect: 'vrp' },
    { text: 'Copyright (C) 2012-2018 Huawei Technologies Co., Ltd.', dialect: 'vrp' },
  ])('$text → $dialect', ({ text, dialect }) => {
    expect(detectDialect(text)).toBe(dialect);
  });
});

describe('detectDialect without prompt shapes', () => {
  it('answers from signatures only, so a <host> prompt alone stays undecided', () => {
    expect(detectDialect('Login authentication\r\n\r\n<R1>', { promptShapes: false })).toBeNull();
    expect(detectDialect('\r\n<H3C>', { promptShapes: false })).toBeNull();
    expect(detectDialect('\r\n<H3C>')).toBe('comware');
    expect(detectDialect('Huawei Versatile Routing Platform Software\r\n<R1>', { promptShapes: false })).toBe('vrp');
  });
});
