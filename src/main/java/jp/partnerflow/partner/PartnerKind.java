package jp.partnerflow.partner;

/** Decides withholding tax (源泉徴収): only individuals are withheld from. */
public enum PartnerKind {
    INDIVIDUAL, CORPORATION
}
