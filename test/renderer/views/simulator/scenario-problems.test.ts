// @vitest-environment happy-dom
/**
 * Issue 9 item 2: a scenario's warnings cross as codes and parameters and the panel translates
 * them (en and ko), always with file:line:column and the YAML path; `scenario.problem`, the
 * fallback for diagnostics not yet coded, shows its English message.
 */
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScenarioProblem } from '@contract';
import { createI18n } from 'vue-i18n';
import { setApi } from '@/api';
import { messages } from '@/i18n';
import type { Locale } from '@/i18n';
import SimulatorView from '@/views/simulator/SimulatorView.vue';
import { scenarioProblemText } from '@/views/simulator/scenario-problem-text';
import { type FakeCore } from '../../support/fake-api';
import { simSession } from '../../support/fixtures';
import { mountWithApp } from '../../support/mount';
import { startSimulatorSession } from './simulator-session';

let core: FakeCore;

const coded: ScenarioProblem = { severity: 'warning', code: 'resource.typeNotSimulated', params: { logicalId: 'Topic', type: 'AWS::SNS::Topic' }, file: 'web.yaml', path: 'Resources.Topic.Type', line: 15, column: 11 };
const uncoded: ScenarioProblem = { severity: 'warning', code: 'scenario.problem', params: { message: 'something not yet coded' }, file: 'web.yaml', path: 'Traffic', line: 3, column: 1 };

beforeEach(() => {
  core = startSimulatorSession();
  core.answer('sim.scenarios.list', { current: 'shop', scenarios: [{ name: 'shop' }] });
  core.answer('sim.faultKinds', []);
  core.answer('sim.scenario.load', { session: simSession, warnings: ['web.yaml:15:11: warning: English warning text (at Resources.Topic.Type)'], problems: [coded, uncoded], notices: [] });
});
afterEach(() => setApi(undefined));

async function openFile(locale: Locale) {
  const wrapper = mountWithApp(SimulatorView, { locale });
  await flushPromises();
  const input = wrapper.get('[data-testid="scenario-file"]');
  Object.defineProperty(input.element, 'files', { value: [new File(['Resources: {}'], 'web.yaml', { type: 'text/yaml' })] });
  await input.trigger('change');
  await flushPromises();
  await flushPromises();
  return wrapper.findAll('[data-testid="scenario-warning"]').map((item) => item.text());
}

describe('scenario load warnings from codes', () => {
  it('en: each warning translated from its code, with file:line:column and the path; the fallback shows its English message', async () => {
    expect(await openFile('en')).toEqual([
      'web.yaml:15:11: resource type AWS::SNS::Topic is not simulated; Topic is ignored (at Resources.Topic.Type)',
      'web.yaml:3:1: something not yet coded (at Traffic)',
    ]);
  });

  it('ko: a coded warning is shown in Korean, not the English warnings', async () => {
    const shown = await openFile('ko');
    expect(shown[0]).toBe('web.yaml:15:11: 리소스 유형 AWS::SNS::Topic은(는) 시뮬레이션되지 않습니다. Topic은(는) 무시됩니다 (위치: Resources.Topic.Type)');
    expect(shown[1]).toBe('web.yaml:3:1: something not yet coded (위치: Traffic)');
    expect(shown.join('\n')).not.toContain('English warning text');
  });
});

describe('a refused load', () => {
  const refused: ScenarioProblem = { severity: 'error', code: 'parameter.missing', params: { parameter: 'Size' }, file: 'stack.yaml', path: 'Resources.Web.Properties.MaxSize', line: 9, column: 7 };

  it('lists its errors translated from their codes instead of the English message', async () => {
    core.refuse('sim.scenario.load', 'InvalidRequest', 'stack.yaml:9:7: error: parameter "Size" has no Default and no value was given (at Resources.Web.Properties.MaxSize)', { problems: [refused] });
    const wrapper = mountWithApp(SimulatorView, { locale: 'ko' });
    await flushPromises();
    const input = wrapper.get('[data-testid="scenario-file"]');
    Object.defineProperty(input.element, 'files', { value: [new File(['Resources: {}'], 'web.yaml', { type: 'text/yaml' })] });
    await input.trigger('change');
    await flushPromises();
    await flushPromises();
    expect(wrapper.findAll('[data-testid="scenario-error"]').map((item) => item.text())).toEqual([
      'stack.yaml:9:7: 파라미터 "Size"에 Default가 없고 값도 지정되지 않았습니다. 값을 지정하세요 (위치: Resources.Web.Properties.MaxSize)',
    ]);
  });

  it('refused for another reason than its contents (not in simulation): worded from its problem code', async () => {
    core.refuse('sim.scenario.load', 'NotSupported', 'only available in simulation mode', { problem: { code: 'simulation.only', params: {} } });
    const wrapper = mountWithApp(SimulatorView, { locale: 'ko' });
    await flushPromises();
    await wrapper.get('form.scenario-form').trigger('submit');
    await flushPromises();
    await flushPromises();
    expect(wrapper.findAll('[data-testid="scenario-error"]').map((item) => item.text())).toEqual(['시뮬레이션 모드에서만 사용할 수 있습니다.']);
  });

  it('without problems (an older core) shows the message, one line each', async () => {
    core.refuse('sim.scenario.load', 'InvalidRequest', 'a.yaml:1:1: error: first\na.yaml:2:1: error: second');
    const wrapper = mountWithApp(SimulatorView, { locale: 'en' });
    await flushPromises();
    await wrapper.get('form.scenario-form').trigger('submit');
    await flushPromises();
    await flushPromises();
    expect(wrapper.findAll('[data-testid="scenario-error"]').map((item) => item.text())).toEqual(['a.yaml:1:1: error: first', 'a.yaml:2:1: error: second']);
  });
});

describe('scenarioProblemText', () => {
  it('fills every parameter of the newer codes (intrinsic.unsupported names the function) in en and ko', async () => {
    const { createAppI18n } = await import('@/i18n');
    const { scenarioProblemText } = await import('@/views/simulator/scenario-problem-text');
    const problem: ScenarioProblem = { severity: 'warning', code: 'intrinsic.unsupported', params: { function: 'Fn::Cidr' }, file: 's.yaml', path: 'Resources.A.Properties.B', line: 0, column: 0 };
    for (const [locale, expected] of [
      ['en', 's.yaml: Fn::Cidr is not supported by the simulator; the value is ignored (at Resources.A.Properties.B)'],
      ['ko', 's.yaml: Fn::Cidr은(는) 시뮬레이터가 지원하지 않아 값이 무시됩니다 (위치: Resources.A.Properties.B)'],
    ] as const) {
      const { t, te } = createAppI18n(locale).global;
      expect(scenarioProblemText(problem, (key, params) => t(key, params ?? {}), (key) => te(key))).toBe(expected);
    }
  });

  it('a problem that wraps another (an output not shown) words its reason from the reason’s code', () => {
    const wrapped: ScenarioProblem = {
      severity: 'warning',
      code: 'output.unavailable',
      params: { output: 'A', reason: 'Fn::Join: expects [delimiter, [values]]', reasonCode: 'intrinsic.expects', 'reason.function': 'Fn::Join', 'reason.form': '[delimiter, [values]]' },
      file: 'web.yaml',
      path: 'Outputs.A.Value',
      line: 4,
      column: 14,
    };
    const shown = (locale: Locale) => {
      const { global } = createI18n({ legacy: false, locale, messages });
      return scenarioProblemText(wrapped, (key, params) => global.t(key, params ?? {}), (key) => global.te(key));
    };
    expect(shown('en')).toBe('web.yaml:4:14: output A is not shown: Fn::Join: expects [delimiter, [values]] (at Outputs.A.Value)');
    expect(shown('ko')).toBe('web.yaml:4:14: 출력 A을(를) 표시하지 않습니다: Fn::Join: 인수는 [delimiter, [values]] 형식이어야 합니다 (위치: Outputs.A.Value)');
  });
});

describe('a refused value (issue 9: zod issues as codes)', () => {
  const problem = (code: string, params: ScenarioProblem['params']): ScenarioProblem => ({ severity: 'error', code, params, file: 's.yaml', path: 'Traffic[0].Rate', line: 4, column: 11 });
  const say = (locale: Locale, p: ScenarioProblem) => {
    const { global } = createI18n({ legacy: false, locale, messages });
    return scenarioProblemText(p, (key, params) => global.t(key, params ?? {}), (key) => global.te(key));
  };

  it('kinds of value are translated, one or several', () => {
    const wrongType = problem('value.wrongType', { field: 'Rate', expectedKind: 'number', gotKind: 'list', value: '[1]' });
    expect(say('en', wrongType)).toBe('s.yaml:4:11: Rate must be a number; got a list ([1]) (at Traffic[0].Rate)');
    expect(say('ko', wrongType)).toBe('s.yaml:4:11: Rate에는 숫자 값을 지정해야 합니다 (입력값: 목록, [1]) (위치: Traffic[0].Rate)');
    const wrongForm = problem('value.wrongForm', { field: 'Rate', expectedKinds: 'number,mapping', gotKind: 'string', value: '"x"' });
    expect(say('en', wrongForm)).toBe('s.yaml:4:11: Rate must be a number or a mapping; got a string ("x") (at Traffic[0].Rate)');
    expect(say('ko', wrongForm)).toBe('s.yaml:4:11: Rate에는 숫자 또는 매핑 값을 지정해야 합니다 (입력값: 문자열, "x") (위치: Traffic[0].Rate)');
  });

  it('a number above its bound reads in Korean without English', () => {
    const above = problem('value.numberAboveMaximum', { field: 'Rate', bound: 1_000_000, value: 2_000_000 });
    expect(say('ko', above)).toBe('s.yaml:4:11: Rate은(는) 1000000 이하여야 합니다 (입력값: 2000000) (위치: Traffic[0].Rate)');
  });

  it('a YAML error in the window’s words from the parser’s code; an unknown code keeps the parser’s English', () => {
    const yaml = (yamlCode: string): ScenarioProblem => ({ severity: 'error', code: 'file.invalidYaml', params: { reason: 'Missing , or : between flow map items', yamlCode }, file: 's.yaml', path: '', line: 2, column: 1 });
    expect(say('ko', yaml('MISSING_CHAR'))).not.toContain('Missing');
    expect(say('en', yaml('MISSING_CHAR'))).toContain('a closing quote, bracket or brace is missing');
    expect(say('ko', yaml('SOME_NEW_CODE'))).toContain('Missing , or : between flow map items');
  });

  it('a cron field is named in the window’s language', () => {
    const cron = problem('autoScaling.recurrenceOutOfRange', { recurrence: '0 25 * * *', part: '25', cronField: 'hour', min: 0, max: 23 });
    expect(say('en', cron)).toContain('hour field: "25" is outside 0-23');
    expect(say('ko', cron)).toContain('시 필드의 "25"이(가) 0-23 범위를 벗어납니다');
  });

  it('a refused or unreadable file in the window’s words: the kind of file, the system’s error code', () => {
    const file = (code: string, params: ScenarioProblem['params']): ScenarioProblem => ({ severity: 'error', code, params, file: '/dev/zero', path: '', line: 0, column: 0 });
    expect(say('ko', file('file.refusedNotRegular', { what: 'scenario', fileType: 'characterDevice' }))).toContain('문자 장치');
    expect(say('en', file('file.refusedNotRegular', { what: 'scenario', fileType: 'characterDevice' }))).toContain('a character device, not a regular file');
    expect(say('ko', file('file.unreadable', { reason: 'EACCES: permission denied, open', errno: 'EACCES' }))).not.toContain('permission denied');
  });

  it('a template parameter refused: the reason from its code, the value’s source translated, as the CLI says it in English', () => {
    const invalid = problem('parameter.invalid', { parameter: 'Size', valueSource: 'option', reasonCode: 'parameter.valueAboveMaximum', 'reason.value': '9', 'reason.maximum': '4' });
    expect(say('en', invalid)).toBe('s.yaml:4:11: parameter "Size": 9 is more than the maximum 4; the value comes from a --parameter option (at Traffic[0].Rate)');
    expect(say('ko', invalid)).toBe('s.yaml:4:11: 파라미터 "Size": 9은(는) 최댓값 4보다 큽니다. 값의 출처: --parameter 옵션 (위치: Traffic[0].Rate)');
  });

  it('a parameter values file refused: its reason from the reason’s code (the English reason is not shown in Korean)', () => {
    const refused = problem('parameter.fileInvalid', { reason: 'parameter names are alphanumeric; "Bad-Key" is not', reasonCode: 'parameterFile.nameNotAlphanumeric', 'reason.key': 'Bad-Key' });
    expect(say('en', refused)).toContain('the parameter values file is not valid: parameter names are letters and digits; "Bad-Key" is not');
    expect(say('ko', refused)).toContain('파라미터 값 파일이 올바르지 않습니다: 파라미터 이름은 영문자와 숫자로만 구성됩니다. "Bad-Key"은(는) 그렇지 않습니다');
    expect(say('ko', refused)).not.toContain('alphanumeric');
  });

  it('a web ACL statement AWS WAF refuses: its reason worded from its code', () => {
    const refused = problem('waf.statementInvalid', { rule: 'flood', acl: 'shop-acl', reason: 'RateBasedStatement Limit must be …', reasonCode: 'wafStatement.rateLimitOutOfRange', 'reason.min': 10, 'reason.max': 2000000000, 'reason.value': '5' });
    expect(say('ko', refused)).toContain('웹 ACL shop-acl의 규칙 flood: RateBasedStatement Limit은 10에서 2000000000 사이의 정수여야 합니다(입력값: 5)');
    expect(say('ko', refused)).not.toContain('must be');
  });

  it('after parsing: an alias bomb in the window’s words', () => {
    expect(say('ko', problem('yaml.tooManyAliases', { max: 100 }))).toContain('별칭이 100개보다 많이');
  });
});
