namespace SmartCityIndex.Domain.Frameworks;

/// <summary>
/// One version of the evaluation index system: a tree of categories with indicators at its leaves. A draft can be
/// edited; once published (or retired) a version is immutable, so that every score computed with it can be
/// reproduced. Changes go into a new version.
/// </summary>
public sealed class IndicatorFramework
{
    private readonly List<Category> _categories = [];
    private readonly List<Indicator> _indicators = [];

    private IndicatorFramework()
    {
        Name = string.Empty;
    }

    /// <summary>Creates an empty draft framework version.</summary>
    public IndicatorFramework(string name, int version)
    {
        Name = Guard.Text(name, "The framework name", 200);
        if (version < 1)
        {
            throw new DomainException($"A framework version number starts at 1 (got {version}).");
        }

        Version = version;
        Status = FrameworkStatus.Draft;
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>Name of the framework, shared by its versions.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>Version number, from 1; unique per name.</summary>
    public int Version { get; private set; }

    /// <summary>Draft, published or retired.</summary>
    public FrameworkStatus Status { get; private set; }

    /// <summary>When the version was published (UTC), if it has been.</summary>
    public DateTime? PublishedAt { get; private set; }

    /// <summary>All categories, at every depth.</summary>
    public IReadOnlyCollection<Category> Categories => _categories;

    /// <summary>All indicators.</summary>
    public IReadOnlyCollection<Indicator> Indicators => _indicators;

    /// <summary>True while the version may still be changed.</summary>
    public bool IsEditable => Status == FrameworkStatus.Draft;

    /// <summary>Adds a category, at the top level or under <paramref name="parent"/>.</summary>
    public Category AddCategory(string code, string nameEn, string nameZh, double weight = 1, Category? parent = null)
    {
        EnsureEditable();
        if (_categories.Any(c => string.Equals(c.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"Framework {Name} v{Version} already has a category with code '{code}'.");
        }

        if (parent is not null && !_categories.Contains(parent))
        {
            throw new DomainException($"The parent category {parent.Code} does not belong to framework {Name} v{Version}.");
        }

        var sortOrder = _categories.Count(c => c.Parent == parent);
        var category = new Category(this, code!, nameEn, nameZh, weight, parent, sortOrder);
        _categories.Add(category);
        return category;
    }

    /// <summary>Adds an indicator to <paramref name="category"/>.</summary>
    public Indicator AddIndicator(Category category, IndicatorDefinition definition)
    {
        EnsureEditable();
        if (!_categories.Contains(category))
        {
            throw new DomainException($"Category {category.Code} does not belong to framework {Name} v{Version}.");
        }

        if (_indicators.Any(i => string.Equals(i.Code, definition.Code?.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException($"Framework {Name} v{Version} already has an indicator with code '{definition.Code}'.");
        }

        var sortOrder = _indicators.Count(i => i.Category == category);
        var indicator = new Indicator(this, category, definition, sortOrder);
        _indicators.Add(indicator);
        return indicator;
    }

    /// <summary>Changes a category's names or weight.</summary>
    public void UpdateCategory(Category category, string nameEn, string nameZh, double weight)
    {
        EnsureEditable();
        EnsureOwns(category);
        category.Update(nameEn, nameZh, weight);
    }

    /// <summary>Changes an indicator's description, unit, direction, weight and ranges (its code stays).</summary>
    public void UpdateIndicator(Indicator indicator, IndicatorDefinition definition)
    {
        EnsureEditable();
        if (!_indicators.Contains(indicator))
        {
            throw new DomainException($"Indicator {indicator.Code} does not belong to framework {Name} v{Version}.");
        }

        if (!string.Equals(indicator.Code, definition.Code?.Trim(), StringComparison.Ordinal))
        {
            throw new DomainException($"The code of indicator {indicator.Code} cannot be changed.");
        }

        indicator.Apply(definition);
    }

    /// <summary>
    /// Publishes the version: from now on it is immutable. It needs at least one indicator, and every category needs
    /// an indicator or a sub-category beneath it.
    /// </summary>
    public void Publish(DateTime utcNow)
    {
        EnsureEditable();
        if (_indicators.Count == 0)
        {
            throw new DomainException($"Framework {Name} v{Version} has no indicators and cannot be published.");
        }

        var empty = _categories.FirstOrDefault(c => !_indicators.Any(i => i.Category == c) && !_categories.Any(k => k.Parent == c));
        if (empty is not null)
        {
            throw new DomainException($"Category {empty.Code} has no indicators or sub-categories; framework {Name} v{Version} cannot be published.");
        }

        PublishedAt = Guard.Utc(utcNow, "The publication time");
        Status = FrameworkStatus.Published;
    }

    /// <summary>Retires a published version: it stays readable for past scores but is not offered for new periods.</summary>
    public void Retire()
    {
        if (Status != FrameworkStatus.Published)
        {
            throw new DomainException($"Only a published framework can be retired; {Name} v{Version} is {Status}.");
        }

        Status = FrameworkStatus.Retired;
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException($"Framework {Name} v{Version} is {Status.ToString().ToLowerInvariant()} and cannot be changed; create a new version instead.");
        }
    }

    private void EnsureOwns(Category category)
    {
        if (!_categories.Contains(category))
        {
            throw new DomainException($"Category {category.Code} does not belong to framework {Name} v{Version}.");
        }
    }
}
