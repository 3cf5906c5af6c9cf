import { describe, expect, it } from 'vitest';
import { maskAddress, maskBirthDate, maskName, maskPhone, maskResidentId, maskUscc } from './mask.js';

describe('masks', () => {
  it('keeps the first three and last four characters of an ID number', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
  });

  it('keeps the first and last four characters of a USCC', () => {
    expect(maskUscc('91440300708461136T')).toBe('9144**********136T');
  });

  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
  });

  it.each([
    ['张三', '张*'],
    ['张小三', '张*三'],
    ['欧阳小明', '欧**明'],
    ['王𠮷祥', '王*祥'],
    ['李', '*'],
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('masks a value too short to keep both ends entirely', () => {
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskResidentId('')).toBe('');
  });

  it('keeps only the year of a birth date, and masks what is not a date entirely', () => {
    expect(maskBirthDate('1942-09-08')).toBe('1942-**-**');
    expect(maskBirthDate('08/09/1942')).toBe('**********');
  });

  it.each([
    ['吉林省长春市南关区自由大路1号', '吉林省长春市南关区******'],
    ['长春市朝阳区人民大街5号', '长春市朝阳区******'],
    ['北京市海淀区中关村大街27号', '北京市海淀区********'],
    ['内蒙古自治区呼和浩特市新城区中山西路1号', '内蒙古自治区呼和浩特市新城区******'],
    ['延边朝鲜族自治州延吉市光明街3号', '延边朝鲜族自治州延吉市*****'],
    ['南关区', '南关区'],
    ['自由大路1号', '******'],
    ['', ''],
  ])('keeps the divisions of %s down to the district: %s', (address, masked) => {
    expect(maskAddress(address)).toBe(masked);
  });
});
