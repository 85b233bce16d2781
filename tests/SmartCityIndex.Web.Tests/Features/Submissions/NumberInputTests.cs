namespace SmartCityIndex.Web.Tests.Features.Submissions;

public sealed class NumberInputTests
{
    [Theory]
    [InlineData("88.5", 88.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1 234,5", 1234.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("８８．５", 88.5)]
    [InlineData("88。5", 88.5)]
    [InlineData("1，5", 1.5)]
    [InlineData("１，２３４", 1234)]
    [InlineData("１２３４．５６", 1234.56)]
    [InlineData("－３．５", -3.5)]
    [InlineData("−3.5", -3.5)]
    [InlineData("＋７", 7)]
    [InlineData("１\u3000２３４", 1234)]
    [InlineData("\u3000８８\u3000", 88)]
    [InlineData("85%", 85)]
    [InlineData("85 %", 85)]
    [InlineData("８５％", 85)]
    [InlineData("12,5%", 12.5)]
    public void TryParse_WhatOfficialsType_ReadsTheNumber(string text, double expected)
    {
        Assert.True(NumberInput.TryParse(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("about sixty")]
    [InlineData("八十")]
    [InlineData("%")]
    [InlineData("85%%")]
    [InlineData("８８．５．１")]
    public void TryParse_NotANumber_IsFalse(string text) => Assert.False(NumberInput.TryParse(text, out _));
}
